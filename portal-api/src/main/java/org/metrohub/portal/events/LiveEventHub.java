package org.metrohub.portal.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every room event, from whichever instance it came, to this instance's live subscribers (dashboards over
 * SSE). One thread reads all partitions of the topic from the end (no consumer group: every instance gets
 * everything), drops events it has already seen (the outbox sends at least once) and multicasts the rest;
 * a slow subscriber misses events rather than holding up the others.
 */
@Component
public class LiveEventHub extends KafkaConsumerLoop {

    private static final int REMEMBERED_IDS = 10_000;

    private final KafkaClients kafka;
    private final JsonMapper json;
    private final Sinks.Many<CloudEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final Counter delivered;
    private final Counter duplicates;
    private final Counter malformed;
    private volatile boolean assigned;

    public LiveEventHub(KafkaClients kafka, JsonMapper json, MeterRegistry meters) {
        super("live-event-hub");
        this.kafka = kafka;
        this.json = json;
        this.delivered = Counter.builder("metrohub.events.live.received").description("Room events received for live subscribers").register(meters);
        this.duplicates = Counter.builder("metrohub.events.live.duplicates").description("Room events dropped as already seen").register(meters);
        this.malformed = Counter.builder("metrohub.events.malformed").tag("consumer", "live").description("Records that were not CloudEvents JSON").register(meters);
    }

    /** The events of one tenant, as they arrive. */
    public Flux<CloudEvent> events(String tenant) {
        return sink.asFlux().filter(e -> tenant.equals(e.tenant()));
    }

    /** Every tenant's events, for this instance's own reactions (e.g. the media node closing a closed room). */
    public Flux<CloudEvent> allEvents() {
        return sink.asFlux();
    }

    /** True once this instance reads the topic: events published from now on will reach its subscribers. */
    public boolean isAssigned() {
        return assigned;
    }

    @Override
    protected KafkaConsumer<String, String> open() {
        KafkaConsumer<String, String> consumer = kafka.consumer("live", null, Map.of());
        String topic = kafka.properties().roomEventsTopic();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anyone subscribes
        assigned = true;
        return consumer;
    }

    @Override
    protected void handle(ConsumerRecords<String, String> records, KafkaConsumer<String, String> consumer) {
        for (ConsumerRecord<String, String> record : records) {
            handle(record.value());
        }
    }

    @Override
    protected void closing() {
        assigned = false;
    }

    private void handle(String value) {
        CloudEvent event;
        try {
            event = json.readValue(value, CloudEvent.class);
        } catch (JacksonException e) {
            malformed.increment();
            return;
        }
        if (event.id() == null || event.tenant() == null || seen.put(event.id(), Boolean.TRUE) != null) {
            duplicates.increment();
            return;
        }
        delivered.increment();
        sink.tryEmitNext(event);
    }
}
