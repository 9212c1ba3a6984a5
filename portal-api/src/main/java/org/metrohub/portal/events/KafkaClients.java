package org.metrohub.portal.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place Kafka clients are configured: the producer, consumers and an admin client for this
 * instance, and the topics the hub needs (created at start if missing).
 */
@Component
public class KafkaClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaClients.class);

    private final EventsProperties properties;
    private final InstanceIdentity instance;
    private final Admin admin;

    public KafkaClients(EventsProperties properties, InstanceIdentity instance) {
        this.properties = properties;
        this.instance = instance;
        Properties config = base();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "metrohub-admin-" + instance.id());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(config);
        ensureTopics();
    }

    private Properties base() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        return config;
    }

    private void ensureTopics() {
        NewTopic roomEvents = new NewTopic(properties.roomEventsTopic(), properties.partitions(), properties.replicationFactor());
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            if (!existing.contains(roomEvents.name())) {
                admin.createTopics(List.of(roomEvents)).all().get(30, TimeUnit.SECONDS);
                log.info("Created Kafka topic {} with {} partitions", roomEvents.name(), roomEvents.numPartitions());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create Kafka topic " + roomEvents.name() + " on "
                        + properties.bootstrapServers() + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + properties.bootstrapServers()
                    + " did not answer within 60 s; check metrohub.kafka.bootstrap-servers (METROHUB_KAFKA_BOOTSTRAP_SERVERS)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Kafka topics", e);
        }
    }

    public Admin admin() {
        return admin;
    }

    /** An idempotent producer that waits for all in-sync replicas. */
    public KafkaProducer<String, String> producer(String purpose) {
        Properties config = base();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "metrohub-" + purpose + "-" + instance.id());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A consumer; with a group id it commits by hand, without one it is for manual assignment. */
    public KafkaConsumer<String, String> consumer(String purpose, String groupId, Map<String, Object> extra) {
        Properties config = base();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "metrohub-" + purpose + "-" + instance.id());
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(extra);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    public EventsProperties properties() {
        return properties;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
