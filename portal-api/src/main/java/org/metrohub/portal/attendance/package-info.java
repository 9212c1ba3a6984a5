/**
 * Attendance per room (and so per class: every class is backed by a room), built from participant events by
 * an idempotent projection in its own consumer group, and the reports on it as JSON and CSV.
 *
 * <pre>
 *  Kafka metrohub.room-events ──ProjectionConsumer (group metrohub-attendance)──▶ AttendanceProjector
 *      participant.joined / participant.left / room.closed
 *        ──tx──▶ attendance_event (by event id) ──AttendanceTimeline──▶ attendance, attendance_interval
 *  GET /api/rooms/{id}/attendance, GET /api/users/{userId}/attendance ◀── AttendanceService ◀── those tables
 * </pre>
 *
 * Kafka itself stays in {@code org.metrohub.portal.events}; this package implements its
 * {@code RoomEventProjection}.
 */
package org.metrohub.portal.attendance;
