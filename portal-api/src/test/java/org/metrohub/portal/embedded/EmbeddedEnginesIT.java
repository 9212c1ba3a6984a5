package org.metrohub.portal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metrohub.portal.embedded.EmbeddedSettings.Engine;
import org.metrohub.portal.testing.TestEngines;

class EmbeddedEnginesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void redisAnswersSetAndGet() {
        assertThat(setThenGet(TestEngines.get().redis().url(), "it:" + UUID.randomUUID(), "hello")).isEqualTo("hello");
    }

    @Test
    void redisComesBackOnTheSamePortAfterARestart() {
        EmbeddedRedis redis = TestEngines.get().redis();
        int port = redis.port();

        TestEngines.get().restartRedis();

        assertThat(redis.port()).isEqualTo(port);
        assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);
        assertThat(setThenGet(redis.url(), "it:" + UUID.randomUUID(), "again")).isEqualTo("again");
    }

    @Test
    void postgresAnswersSelectOneWithTheGeneratedPassword() throws SQLException {
        EmbeddedPostgres pg = TestEngines.get().postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void postgresRefusesAWrongPassword() {
        EmbeddedPostgres pg = TestEngines.get().postgres();
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void kafkaRoundTripsARecordThroughAnAutoCreatedTopic() {
        String topic = "it-" + UUID.randomUUID();
        String servers = TestEngines.get().kafka().bootstrapServers();

        produce(servers, topic, "hello");

        assertThat(consumeOne(servers, topic).value()).isEqualTo("hello");
    }

    @Test
    void aSecondStartOnTheSameDataDirKeepsTheData(@TempDir Path dataDir) throws SQLException {
        String topic = "kept-" + UUID.randomUUID();
        try (EmbeddedEngines cold = EmbeddedEngines.start(EmbeddedSettings.freePorts(dataDir))) {
            EmbeddedPostgres pg = cold.postgres().orElseThrow();
            sql(pg, "create table kept (id int primary key)", "insert into kept values (42)");
            produce(cold.kafka().orElseThrow().bootstrapServers(), topic, "kept");
        }

        try (EmbeddedEngines warm = EmbeddedEngines.start(EmbeddedSettings.freePorts(dataDir))) {
            EmbeddedPostgres pg = warm.postgres().orElseThrow();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            assertThat(consumeOne(warm.kafka().orElseThrow().bootstrapServers(), topic).value()).isEqualTo("kept");
            assertThat(setThenGet(warm.redis().orElseThrow().url(), "k", "v")).isEqualTo("v");
        }
    }

    @Test
    void aTakenPortFailsWithThePropertyToChange(@TempDir Path dataDir) throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = squatter.getLocalPort();
            EmbeddedSettings settings = new EmbeddedSettings(dataDir, Set.of(Engine.REDIS, Engine.POSTGRES), port, 0, 0, 0);

            assertThatThrownBy(() -> EmbeddedEngines.start(settings))
                    .isInstanceOfSatisfying(EmbeddedPortInUseException.class, e -> {
                        assertThat(e.engine()).isEqualTo("Redis");
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.property()).isEqualTo("metrohub.embedded.redis-port");
                    })
                    .hasMessage("Embedded Redis cannot start: port " + port + " on 127.0.0.1 is already in use. Stop"
                            + " whatever holds it or set metrohub.embedded.redis-port (env METROHUB_EMBEDDED_REDIS_PORT)"
                            + " to a free port.");
        }
    }

    @Test
    void aTakenKafkaControllerPortNamesItsOwnProperty(@TempDir Path dataDir) throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedSettings settings = new EmbeddedSettings(dataDir, Set.of(Engine.KAFKA), 0, 0, 0,
                    squatter.getLocalPort());

            assertThatThrownBy(() -> EmbeddedEngines.start(settings))
                    .isInstanceOf(EmbeddedPortInUseException.class)
                    .hasMessageContaining("metrohub.embedded.kafka-controller-port (env METROHUB_EMBEDDED_KAFKA_CONTROLLER_PORT)");
        }
    }

    static String setThenGet(String url, String key, String value) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set(key, value);
            return connection.sync().get(key);
        } finally {
            client.shutdown();
        }
    }

    private static void sql(EmbeddedPostgres pg, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    static void produce(String servers, String topic, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, value)).get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    static ConsumerRecord<String, String> consumeOne(String servers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        return received.getFirst();
    }
}
