package org.metrohub.portal.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft Kafka (broker and controller in one) running in this JVM on Kafka's own server classes, the
 * same ones {@code kafka.Kafka} runs. Its log directory is {@code dataDir/logs}: formatted on first start (as
 * {@code kafka-storage.sh format} does), reused as it is afterwards. The quorum is static
 * ({@code controller.quorum.voters}), so the controller port may change between starts.
 *
 * <p>Kafka's fatal-fault handlers halt the JVM, here the hub's; that is what a standalone broker would do too.
 */
public final class EmbeddedKafka implements AutoCloseable {

    static final String ENGINE = "Kafka";
    static final String CONTROLLER_ENGINE = "Kafka (controller listener)";
    static final String PORT_PROPERTY = "metrohub.embedded.kafka-port";
    static final String CONTROLLER_PORT_PROPERTY = "metrohub.embedded.kafka-controller-port";

    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(int port, int controllerPort) {
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code dataDir/logs} if needed, starts the broker and returns once it serves metadata requests on
     * {@link #bootstrapServers()}. A port of 0 means a free one.
     *
     * @throws EmbeddedPortInUseException if either port on 127.0.0.1 is taken
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        int brokerPort = port == 0 ? Ports.free() : port;
        int quorumPort = controllerPort == 0 ? Ports.free() : controllerPort;
        Ports.requireFree(ENGINE, brokerPort, PORT_PROPERTY);
        Ports.requireFree(CONTROLLER_ENGINE, quorumPort, CONTROLLER_PORT_PROPERTY);
        quietServerLogging();
        EmbeddedKafka kafka = new EmbeddedKafka(brokerPort, quorumPort);
        Path logDir = dataDir.toAbsolutePath().resolve("logs");
        KafkaConfig config = KafkaConfig.fromProps(kafka.serverProperties(logDir), false);
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Kafka could not prepare " + logDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        kafka.server = server;
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return kafka;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** Shuts the broker down cleanly and waits for it; does nothing if it is not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Properties serverProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka could not format " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "metrohub-embedded-kafka-ready");
        try (Admin admin = Admin.create(config)) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    if (!admin.describeCluster().nodes().get(left, TimeUnit.NANOSECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Embedded Kafka did not become ready on " + bootstrapServers(), e);
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Embedded Kafka did not become ready on " + bootstrapServers()
                            + " within " + READY_TIMEOUT.toSeconds() + " s", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
        }
    }

    private static void quietServerLogging() {
        EngineLogging.quiet("kafka", "state.change.logger", "org.apache.kafka.server", "org.apache.kafka.raft",
                "org.apache.kafka.controller", "org.apache.kafka.metadata", "org.apache.kafka.image",
                "org.apache.kafka.queue", "org.apache.kafka.snapshot", "org.apache.kafka.storage",
                "org.apache.kafka.coordinator", "org.apache.kafka.security", "org.apache.kafka.network",
                "org.apache.kafka.common.network", "org.apache.kafka.common.security",
                // Shared with the hub's own clients: config dumps ("KafkaConfig values: ..." and the like),
                // metrics and app-info banners. Their warnings still show.
                "org.apache.kafka.common.config.AbstractConfig", "org.apache.kafka.common.metrics",
                "org.apache.kafka.common.telemetry", "org.apache.kafka.common.utils.AppInfoParser");
    }
}
