package org.metrohub.portal.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds one {@link RoomEventProjection} from the room-events topic in its own consumer group, the way the
 * {@link RoomActivityProjector} does: one platform thread, each batch applied in order, offsets committed only
 * after the batch is written. Features own their projection; Kafka stays in this package.
 *
 * <p>Metrics: {@code metrohub.events.projected{projection, result=applied|duplicate|ignored}} and
 * {@code metrohub.events.malformed{consumer=<projection>}}.
 */
public final class ProjectionConsumer extends KafkaConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final String name;
    private final String group;
    private final RoomEventProjection projection;
    private final KafkaClients kafka;
    private final JsonMapper json;
    private final Map<RoomEventProjection.Outcome, Counter> outcomes = new EnumMap<>(RoomEventProjection.Outcome.class);

    /**
     * @param name  the projection's short name: the thread is {@code <name>-projector}, the Kafka client id
     *              {@code metrohub-<name>-<instance>}, and the metrics' tag
     * @param group the consumer group, shared by every instance
     */
    public ProjectionConsumer(String name, String group, RoomEventProjection projection, KafkaClients kafka,
                              JsonMapper json, MeterRegistry meters) {
        super(name + "-projector");
        this.name = name;
        this.group = group;
        this.projection = projection;
        this.kafka = kafka;
        this.json = json;
        for (RoomEventProjection.Outcome outcome : RoomEventProjection.Outcome.values()) {
            outcomes.put(outcome, outcome == RoomEventProjection.Outcome.MALFORMED
                    ? Counter.builder("metrohub.events.malformed").tag("consumer", name)
                            .description("Records that were not CloudEvents JSON").register(meters)
                    : Counter.builder("metrohub.events.projected").tag("projection", name)
                            .tag("result", outcome.name().toLowerCase(Locale.ROOT))
                            .description("Room events handed to a projection, by what they did").register(meters));
        }
    }

    public String group() {
        return group;
    }

    @Override
    protected KafkaConsumer<String, String> open() {
        KafkaConsumer<String, String> consumer = kafka.consumer(name, group, Map.of());
        consumer.subscribe(List.of(kafka.properties().roomEventsTopic()));
        return consumer;
    }

    /** Applies the batch, then commits: a crash in between replays the batch, which applies nothing twice. */
    @Override
    protected void handle(ConsumerRecords<String, String> records, KafkaConsumer<String, String> consumer) {
        Flux.fromIterable(records)
                .concatMap(this::apply)
                .then()
                .block(Duration.ofSeconds(60));
        consumer.commitSync();
    }

    private Mono<Void> apply(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = json.readValue(record.value(), CloudEvent.class);
            UUID.fromString(event.id());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            outcomes.get(RoomEventProjection.Outcome.MALFORMED).increment();
            log.warn("{}: skipping a record at {}-{}@{} that is not a CloudEvent", name, record.topic(),
                    record.partition(), record.offset());
            return Mono.empty();
        }
        return projection.apply(event)
                .doOnNext(outcome -> {
                    outcomes.get(outcome).increment();
                    if (outcome == RoomEventProjection.Outcome.MALFORMED) {
                        log.warn("{}: skipping event {} ({}) at {}-{}@{}: its data cannot be read", name, event.id(),
                                event.type(), record.topic(), record.partition(), record.offset());
                    }
                })
                .then();
    }
}
