package org.metrohub.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.metrohub.portal.embedded.EmbeddedEngines;
import org.metrohub.portal.embedded.EmbeddedKafka;
import org.metrohub.portal.embedded.EmbeddedPostgres;
import org.metrohub.portal.embedded.EmbeddedRedis;
import org.metrohub.portal.embedded.EmbeddedSettings;

/**
 * Real Redis, PostgreSQL and Kafka shared by every test of one JVM: started on first {@link #get()} on free ports in a
 * temporary directory, stopped (and the directory deleted) by a shutdown hook. A Spring application under test runs
 * against them in "external" mode:
 * <pre>{@code
 * new SpringApplicationBuilder(MyConfig.class).properties(TestEngines.get().externalProperties()).run();
 * }</pre>
 * Tests share the data: use unique keys, tables and topics.
 */
public final class TestEngines {

    private static final class Holder {
        static final TestEngines INSTANCE = new TestEngines();
    }

    private final Path dataDir;
    private final EmbeddedEngines engines;

    private TestEngines() {
        try {
            dataDir = Files.createTempDirectory("metrohub-test-engines");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engines = EmbeddedEngines.start(EmbeddedSettings.freePorts(dataDir));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-engines-stop"));
    }

    public static TestEngines get() {
        return Holder.INSTANCE;
    }

    /** {@code metrohub.redis.url}, {@code metrohub.db.*} and {@code metrohub.kafka.bootstrap-servers} for these engines. */
    public Map<String, Object> externalProperties() {
        return Map.of(
                "metrohub.redis.url", redis().url(),
                "metrohub.db.url", postgres().jdbcUrl(),
                "metrohub.db.username", postgres().username(),
                "metrohub.db.password", postgres().password(),
                "metrohub.kafka.bootstrap-servers", kafka().bootstrapServers());
    }

    /** Stops Redis and starts it again, empty, on the same port. */
    public void restartRedis() {
        redis().restart();
    }

    public EmbeddedRedis redis() {
        return engines.redis().orElseThrow();
    }

    public EmbeddedPostgres postgres() {
        return engines.postgres().orElseThrow();
    }

    public EmbeddedKafka kafka() {
        return engines.kafka().orElseThrow();
    }

    private void stop() {
        engines.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: the OS cleans up what is left
        }
    }
}
