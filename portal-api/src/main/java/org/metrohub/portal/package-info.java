/**
 * portal-api: the MetroHub application. Identity, rooms, live events and the web portal over one
 * non-blocking Spring WebFlux server; records in PostgreSQL (R2DBC), live state in Redis, events on Kafka.
 *
 * <pre>
 *  browser ──HTTP/SSE──▶ identity, rooms ──R2DBC──▶ PostgreSQL (rooms, users, event outbox)
 *                              │                          │ outbox relay
 *                              └──Lettuce──▶ Redis        ▼
 *  browser ◀──SSE── live event hub ◀────────────── Kafka (metrohub.room-events)
 * </pre>
 */
package org.metrohub.portal;
