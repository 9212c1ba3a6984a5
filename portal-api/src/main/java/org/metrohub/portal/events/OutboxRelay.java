package org.metrohub.portal.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the event outbox to Kafka, oldest first, on its own thread. A batch is locked with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work; it is marked published only once
 * Kafka has acknowledged every record, so an event is sent at least once (consumers de-duplicate by id).
 * Woken at once after a commit, and otherwise every {@code metrohub.kafka.outbox-poll-interval}.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** How long published events stay in the outbox, for live-stream clients that reconnect to catch up. */
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaClients kafka;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaClients kafka, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.pollInterval = kafka.properties().outboxPollInterval();
        this.published = Counter.builder("metrohub.events.published").description("Events published from the outbox to Kafka").register(meters);
        this.failures = Counter.builder("metrohub.events.publish.failures").description("Outbox batches that failed to publish and will be retried").register(meters);
    }

    public void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        producer = kafka.producer("outbox");
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        long backoffMs = 0;
        long nextPurge = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextPurge >= 0) {
                    purge();
                    nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
                }
                if (backoffMs > 0) {
                    Thread.sleep(backoffMs); // after a failure, wake-ups from new events do not cut the pause short
                    backoffMs = 0;
                }
                if (publishBatch() == 0) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                backoffMs = 2_000;
                if (running) {
                    log.warn("Outbox relay could not publish, retrying in 2 s: {}", e.toString());
                }
            }
        }
    }

    /** Drops events published longer ago than the retention. */
    private void purge() {
        db.sql("DELETE FROM event_outbox WHERE published_at < now() - make_interval(secs => :secs)")
                .bind("secs", (double) RETENTION.toSeconds())
                .then()
                .block(Duration.ofSeconds(30));
    }

    private record Pending(long seq, UUID eventId, String topic, String key, String payload) {
    }

    /** Publishes one batch; returns how many events it published. */
    int publishBatch() {
        Integer count = tx.transactional(db.sql("SELECT seq, event_id, topic, event_key, payload FROM event_outbox "
                                + "WHERE published_at IS NULL ORDER BY seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                        .map(r -> new Pending(r.get("seq", Long.class), r.get("event_id", UUID.class),
                                r.get("topic", String.class), r.get("event_key", String.class), r.get("payload", String.class)))
                        .all()
                        .collectList()
                        // KafkaProducer.send may block on metadata: never on the database client's event loop.
                        .publishOn(Schedulers.boundedElastic())
                        .flatMap(batch -> batch.isEmpty() ? Mono.just(0) : send(batch)
                                .then(db.sql("UPDATE event_outbox SET published_at = now() WHERE seq = ANY(:seqs)")
                                        .bind("seqs", batch.stream().map(Pending::seq).toArray(Long[]::new))
                                        .then())
                                .thenReturn(batch.size())))
                .block(Duration.ofSeconds(30));
        int n = count == null ? 0 : count;
        published.increment(n);
        return n;
    }

    private Mono<Void> send(List<Pending> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(p.topic(), p.key(), p.payload()), (meta, error) -> {
                if (error == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(error);
                }
            });
            acks.add(ack);
        }
        return Mono.fromFuture(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }
}
