package org.metrohub.portal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.metrohub.portal.embedded.EmbeddedSettings.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the chosen engines under one data directory, in parallel (PostgreSQL's initdb and Kafka's start are each
 * seconds long and mostly independent), after checking every port first so a taken port fails before anything runs.
 * {@link #close()} stops them in the reverse order: Kafka, PostgreSQL, Redis.
 */
public final class EmbeddedEngines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngines.class);

    private final EmbeddedSettings settings;
    private volatile EmbeddedRedis redis;
    private volatile EmbeddedPostgres postgres;
    private volatile EmbeddedKafka kafka;

    private EmbeddedEngines(EmbeddedSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts every engine in {@code settings.engines()} and returns once all of them serve.
     *
     * @throws EmbeddedPortInUseException if a port is taken; nothing is left running then
     */
    public static EmbeddedEngines start(EmbeddedSettings requested) {
        EmbeddedSettings settings = withFreePorts(requested);
        if (settings.starts(Engine.REDIS)) {
            Ports.requireFree(EmbeddedRedis.ENGINE, settings.redisPort(), EmbeddedRedis.PORT_PROPERTY);
        }
        if (settings.starts(Engine.POSTGRES)) {
            Ports.requireFree(EmbeddedPostgres.ENGINE, settings.postgresPort(), EmbeddedPostgres.PORT_PROPERTY);
        }
        if (settings.starts(Engine.KAFKA)) {
            Ports.requireFree(EmbeddedKafka.ENGINE, settings.kafkaPort(), EmbeddedKafka.PORT_PROPERTY);
            Ports.requireFree(EmbeddedKafka.CONTROLLER_ENGINE, settings.kafkaControllerPort(),
                    EmbeddedKafka.CONTROLLER_PORT_PROPERTY);
        }
        EmbeddedEngines engines = new EmbeddedEngines(settings);
        List<Future<?>> starts = new ArrayList<>();
        try (ExecutorService starter = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("embedded-start-", 0).factory())) {
            if (settings.starts(Engine.KAFKA)) {
                starts.add(starter.submit(() -> engines.kafka = timed("Kafka",
                        () -> EmbeddedKafka.start(settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort()),
                        EmbeddedKafka::bootstrapServers)));
            }
            if (settings.starts(Engine.POSTGRES)) {
                starts.add(starter.submit(() -> engines.postgres = timed("PostgreSQL",
                        () -> EmbeddedPostgres.start(settings.postgresDir(), settings.postgresPort()),
                        pg -> pg.jdbcUrl() + " (user " + pg.username() + ")")));
            }
            if (settings.starts(Engine.REDIS)) {
                starts.add(starter.submit(() -> engines.redis = timed("Redis",
                        () -> EmbeddedRedis.start(settings.redisDir(), settings.redisPort()), EmbeddedRedis::url)));
            }
            RuntimeException failure = null;
            for (Future<?> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("Interrupted while starting the embedded engines", e);
                }
            }
            if (failure != null) {
                engines.close();
                throw failure;
            }
        }
        return engines;
    }

    /** The settings as started: ports of 0 replaced by the ports picked. */
    public EmbeddedSettings settings() {
        return settings;
    }

    public Optional<EmbeddedRedis> redis() {
        return Optional.ofNullable(redis);
    }

    public Optional<EmbeddedPostgres> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<EmbeddedKafka> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** Stops Kafka, then PostgreSQL, then Redis; keeps going past a failure and rethrows the first one. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (AutoCloseable engine : new AutoCloseable[] {kafka, postgres, redis}) {
            if (engine == null) {
                continue;
            }
            try {
                engine.close();
            } catch (Exception e) {
                RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        kafka = null;
        postgres = null;
        redis = null;
        if (failure != null) {
            throw failure;
        }
    }

    private static <T> T timed(String engine, Supplier<T> start, java.util.function.Function<T, String> address) {
        long began = System.nanoTime();
        T started = start.get();
        log.info("Embedded {} ready at {} in {} ms", engine, address.apply(started), (System.nanoTime() - began) / 1_000_000);
        return started;
    }

    /** Replaces each 0 port with a distinct free one, holding all of them while choosing so none repeats. */
    private static EmbeddedSettings withFreePorts(EmbeddedSettings s) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int redisPort = s.redisPort() == 0 && s.starts(Engine.REDIS) ? hold(held) : s.redisPort();
            int postgresPort = s.postgresPort() == 0 && s.starts(Engine.POSTGRES) ? hold(held) : s.postgresPort();
            int kafkaPort = s.kafkaPort() == 0 && s.starts(Engine.KAFKA) ? hold(held) : s.kafkaPort();
            int controllerPort = s.kafkaControllerPort() == 0 && s.starts(Engine.KAFKA) ? hold(held) : s.kafkaControllerPort();
            return new EmbeddedSettings(s.dataDir(), s.engines(), redisPort, postgresPort, kafkaPort, controllerPort);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket we only held to reserve a number
                }
            }
        }
    }

    private static int hold(List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK));
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + Ports.LOOPBACK, e);
        }
    }
}
