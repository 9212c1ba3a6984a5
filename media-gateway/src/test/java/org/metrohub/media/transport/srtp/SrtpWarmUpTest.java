package org.metrohub.media.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SrtpWarmUpTest {

    @Test
    void warmsUpOnceAndThenReturnsTheFirstMeasurement() {
        Duration first = SrtpWarmUp.warmUp();
        assertThat(first).isPositive();
        assertThat(SrtpWarmUp.warmUp()).isSameAs(first);

        // After warm-up a new session's first packet is cheap (no provider benchmark): measured, not asserted
        // tightly, since the machine is shared.
        long start = System.nanoTime();
        SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
        try (SrtpSession s = new SrtpSession(SrtpKeys.fromDtlsExporter(profile, new byte[56],
                SrtpKeys.LocalRole.DTLS_SERVER))) {
            byte[] buf = new byte[12 + 100 + 16];
            buf[0] = (byte) 0x80;
            assertThat(s.protectRtp(buf, 0, 112)).isEqualTo(128);
        }
        Duration afterWarmUp = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("SRTP warm-up took %d ms; a new session's first packet afterwards %d µs%n",
                first.toMillis(), afterWarmUp.toNanos() / 1000);
        assertThat(afterWarmUp).isLessThan(Duration.ofMillis(500));
    }
}
