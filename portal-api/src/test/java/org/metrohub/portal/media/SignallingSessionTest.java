package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The browser's message queue when the media node's threads and the socket's own handler emit at once. */
class SignallingSessionTest {

    @Test
    void messagesFromManyThreadsAtOnceAreAllQueued() throws Exception {
        SignallingSession session = new SignallingSession(UUID.randomUUID(), null, JsonMapper.builder().build(),
                100_000);
        int threads = 8;
        int each = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        session.participantJoined("p" + thread + "-" + i, "P");
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        // a message lost to a concurrent emit would leave take() waiting: the timeout fails the test
        List<String> queued = session.outbound().take(threads * each).collectList().block(Duration.ofSeconds(10));
        assertThat(queued).hasSize(threads * each).doesNotHaveDuplicates();
    }
}
