/**
 * Events: room and participant events in a CloudEvents envelope, written to a PostgreSQL outbox with the
 * change they describe, published to Kafka (keyed by room id) by the relay, and read back by every instance
 * for live streams (SSE) and by one consumer group for the room activity history (idempotent by event id).
 * Features keep their own read models through {@link org.metrohub.portal.events.RoomEventProjection}, each fed
 * by a {@link org.metrohub.portal.events.ProjectionConsumer} in its own group, so Kafka stays in this package.
 *
 * <pre>
 *  RoomService ──tx──▶ event_outbox ──OutboxRelay──▶ Kafka metrohub.room-events
 *                                                      ├──▶ LiveEventHub (each instance) ──▶ GET /api/events
 *                                                      ├──▶ RoomActivityProjector (group) ──▶ room_activity
 *                                                      └──▶ ProjectionConsumer (a group each) ──▶ RoomEventProjection
 * </pre>
 */
package org.metrohub.portal.events;
