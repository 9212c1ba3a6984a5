package org.metrohub.portal.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Kafka consumer that owns one platform thread: {@link #open()} makes the consumer, the thread polls and
 * hands each non-empty batch to {@link #handle}, and {@link #stop()} wakes it and waits for it to close the
 * consumer. The Kafka client is not thread-safe; only that thread touches it after {@code open()}.
 */
abstract class KafkaConsumerLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String threadName;
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    KafkaConsumerLoop(String threadName) {
        this.threadName = threadName;
    }

    /** Makes the consumer and subscribes or assigns it; runs on the caller's thread. */
    protected abstract KafkaConsumer<String, String> open();

    /** Handles one batch on the loop's thread. */
    protected abstract void handle(ConsumerRecords<String, String> records, KafkaConsumer<String, String> consumer);

    /** Called on the loop's thread before the consumer closes. */
    protected void closing() {
    }

    @Override
    public synchronized void start() {
        consumer = open();
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::loop);
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    handle(records, consumer);
                }
            }
        } catch (WakeupException e) {
            // stop() asked
        } catch (RuntimeException e) {
            log.error("{} stopped reading Kafka; what it did not commit is read again after a restart", threadName, e);
        } finally {
            closing();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
