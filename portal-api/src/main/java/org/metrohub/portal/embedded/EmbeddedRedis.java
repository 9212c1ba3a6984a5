package org.metrohub.portal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis (the binary shipped in {@code com.github.codemonstur:embedded-redis}) as a child process bound to
 * 127.0.0.1. Redis holds the hub's live state (presence, refresh tokens, rate limits), all with TTLs; an
 * append-only file in {@code dataDir} keeps it across a restart of Redis or of the hub (no RDB snapshots).
 */
public final class EmbeddedRedis implements AutoCloseable {

    static final String ENGINE = "Redis";
    static final String PORT_PROPERTY = "metrohub.embedded.redis-port";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Path dataDir;
    private final int port;
    private RedisServer server;

    private EmbeddedRedis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts Redis on {@code port} (0: a free one) and returns once it accepts connections.
     *
     * @throws EmbeddedPortInUseException if the port on 127.0.0.1 is taken
     */
    public static EmbeddedRedis start(Path dataDir, int port) {
        EmbeddedRedis redis = new EmbeddedRedis(dataDir, port == 0 ? Ports.free() : port);
        redis.startServer();
        return redis;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String url() {
        return "redis://" + Ports.LOOPBACK + ":" + port;
    }

    /** Stops Redis and starts it again on the same port (from its append-only file), or starts it if stopped. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Stops the Redis process and waits for it to exit; does nothing if it is not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis on port " + port + " did not stop", e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        Ports.requireFree(ENGINE, port, PORT_PROPERTY);
        try {
            Files.createDirectories(dataDir);
            RedisServer redis = RedisServer.newRedisServer()
                    .bind(Ports.LOOPBACK)
                    .port(port)
                    .setting("dir \"" + dataDir.toAbsolutePath() + "\"")
                    .setting("save \"\"")
                    // Live state outlives a Redis restart: an append-only file under the data dir, synced each second.
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("protected-mode yes")
                    // Loglevel stays at notice: the start waits for the "Ready to accept connections" line.
                    // Drain the process output, or Redis blocks once the pipe fills up.
                    .soutListener(line -> log.debug("redis: {}", line))
                    .serrListener(line -> log.warn("redis: {}", line))
                    .build();
            redis.start();
            server = redis;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start on port " + port, e);
        }
    }
}
