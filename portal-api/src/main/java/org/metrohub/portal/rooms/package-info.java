/**
 * Rooms: meetings, consultations and classes. Records in PostgreSQL, presence in Redis with TTLs, lifecycle
 * and participant events through the outbox to Kafka. Joining gives a room token scoped to one room and one
 * role, which the media node (see {@code org.metrohub.portal.media}) accepts.
 */
package org.metrohub.portal.rooms;
