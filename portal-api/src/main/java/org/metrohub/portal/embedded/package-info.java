/**
 * The hub's "embedded default": real Redis, PostgreSQL and Kafka started by the hub itself under one data
 * directory, so {@code java -jar} works on a bare machine, while any engine given an external URL
 * ({@code METROHUB_REDIS_URL}, {@code METROHUB_DB_URL}, {@code METROHUB_KAFKA_BOOTSTRAP_SERVERS}) is used instead.
 * Redis and PostgreSQL run as child processes from binaries shipped in Maven Central jars; Kafka is a single-node
 * KRaft broker running in-process on Kafka's own server classes.
 * <pre>
 * Environment ─▶ EmbeddedEnginesInitializer ─▶ EmbeddedEngines ─▶ EmbeddedRedis | EmbeddedPostgres | EmbeddedKafka
 *                        └─▶ property source "metrohubConnections" (spring.data.redis.url, spring.r2dbc.*, spring.flyway.*)
 * </pre>
 */
package org.metrohub.portal.embedded;
