package org.metrohub.portal.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The integration tests run with BlockHound armed: blocking on a non-blocking thread is caught. */
class BlockHoundIT {

    @Test
    void blockingOnANonBlockingThreadIsCaught() {
        TestHub.shared();
        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1))
                        .publishOn(Schedulers.parallel())
                        .doOnNext(tick -> {
                            try {
                                Thread.sleep(1);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        })
                        .block(Duration.ofSeconds(5)))
                .hasMessageContaining("Blocking call");
    }
}
