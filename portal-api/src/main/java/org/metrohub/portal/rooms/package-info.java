/**
 * Rooms: meetings, consultations and classes. Records in PostgreSQL, presence in Redis with TTLs, lifecycle
 * and participant events through the outbox to Kafka. Joining gives a room token scoped to one room and one
 * role, which the media node (see {@code org.metrohub.portal.media}) accepts. Other features add rules to
 * joining through {@link org.metrohub.portal.rooms.RoomAccessPolicy} beans (classes: only a course's members, only
 * while the class is live) without rooms knowing them.
 */
package org.metrohub.portal.rooms;
