package org.metrohub.media.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void quantilesAreExactBelow32MicrosecondsAndWithinSixPercentAbove() {
        LatencyHistogram h = new LatencyHistogram();
        for (int micros = 1; micros <= 1_000; micros++) {
            h.record(micros * 1_000L);
        }
        assertThat(h.count()).isEqualTo(1_000);
        assertThat(h.quantileMicros(0.01)).isEqualTo(10);
        assertThat(h.quantileMicros(0.5)).isBetween(500L, 530L);
        assertThat(h.quantileMicros(0.99)).isBetween(990L, 1_000L);
        assertThat(h.quantileMicros(1.0)).isEqualTo(1_000);
        assertThat(h.meanMicros()).isEqualTo(500.5);
        for (long v : new long[] {31, 32, 33, 1_000, 65_535, 1L << 36}) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperBound(i)).as("bucket of %d", v).isGreaterThanOrEqualTo(v)
                    .isLessThanOrEqualTo(v + v / 16);
        }
    }

    @Test
    void subtractingAnEarlierCopyLeavesWhatCameInBetween() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5_000_000); // 5 ms
        LatencyHistogram before = h.copy();
        h.record(100_000);
        h.record(200_000);
        h.subtract(before);
        assertThat(h.count()).isEqualTo(2);
        assertThat(h.quantileMicros(1.0)).isBetween(200L, 212L);
        assertThat(new LatencyHistogram().quantileMicros(0.99)).isZero();
    }
}
