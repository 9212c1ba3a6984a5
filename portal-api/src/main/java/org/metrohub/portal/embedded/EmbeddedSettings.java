package org.metrohub.portal.embedded;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link EmbeddedEngines} starts and where. Each engine keeps its data in its own folder of {@code dataDir}
 * ({@code redis}, {@code postgres}, {@code kafka}); a port of 0 means a free loopback port picked at start.
 */
public record EmbeddedSettings(Path dataDir, Set<Engine> engines, int redisPort, int postgresPort, int kafkaPort,
                               int kafkaControllerPort) {

    public static final int DEFAULT_REDIS_PORT = 16379;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;

    /** The engines that can be embedded. */
    public enum Engine { REDIS, POSTGRES, KAFKA }

    public EmbeddedSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        engines = engines.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(engines));
        requirePort("redisPort", redisPort);
        requirePort("postgresPort", postgresPort);
        requirePort("kafkaPort", kafkaPort);
        requirePort("kafkaControllerPort", kafkaControllerPort);
    }

    /** All three engines on the hub's default ports. */
    public static EmbeddedSettings defaults(Path dataDir) {
        return new EmbeddedSettings(dataDir, EnumSet.allOf(Engine.class), DEFAULT_REDIS_PORT, DEFAULT_POSTGRES_PORT,
                DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT);
    }

    /** All three engines on free ports: for tests. */
    public static EmbeddedSettings freePorts(Path dataDir) {
        return new EmbeddedSettings(dataDir, EnumSet.allOf(Engine.class), 0, 0, 0, 0);
    }

    public EmbeddedSettings withEngines(Set<Engine> only) {
        return new EmbeddedSettings(dataDir, only, redisPort, postgresPort, kafkaPort, kafkaControllerPort);
    }

    public boolean starts(Engine engine) {
        return engines.contains(engine);
    }

    public Path redisDir() {
        return dataDir.resolve("redis");
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or 1-65535, not " + port);
        }
    }
}
