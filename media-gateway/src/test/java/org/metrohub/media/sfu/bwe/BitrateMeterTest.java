package org.metrohub.media.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitrateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void measuresASteadyStreamOverTheLastSecond() {
        BitrateMeter meter = new BitrateMeter();
        for (long t = 0; t < 3000; t += 10) { // 1,250 bytes every 10 ms = 1 Mb/s
            meter.record(1250, t * MS);
        }

        assertThat(meter.bitsPerSecond(2995 * MS)).isBetween(990_000L, 1_010_000L);
        assertThat(meter.isWarm(2995 * MS)).isTrue();
    }

    @Test
    void aYoungStreamIsMeasuredOverItsOwnAgeNotTheWholeWindow() {
        BitrateMeter meter = new BitrateMeter();
        for (long t = 0; t < 200; t += 10) {
            meter.record(1250, t * MS);
        }

        assertThat(meter.isWarm(200 * MS)).isFalse();
        assertThat(meter.bitsPerSecond(200 * MS)).isBetween(950_000L, 1_050_000L);
    }

    @Test
    void forgetsWhatLeftTheWindowAndReadsZeroAfterSilence() {
        BitrateMeter meter = new BitrateMeter();
        for (long t = 0; t < 1000; t += 10) {
            meter.record(1250, t * MS);
        }
        for (long t = 1000; t < 2000; t += 10) { // half the rate
            meter.record(625, t * MS);
        }

        assertThat(meter.bitsPerSecond(2000 * MS)).isBetween(480_000L, 520_000L);
        assertThat(meter.bitsPerSecond(3100 * MS)).isZero();
    }

    @Test
    void dropsSamplesOlderThanTheWindowAndKeepsSlightlyLateOnes() {
        BitrateMeter meter = new BitrateMeter();
        meter.record(1000, 5000 * MS);
        meter.record(1000, 4990 * MS); // late by 10 ms: counted
        meter.record(1_000_000, 3000 * MS); // 2 s old: dropped

        assertThat(meter.bitsPerSecond(5000 * MS)).isEqualTo(2000 * 8 * 1000 / 50); // young: over one bucket
    }

    @Test
    void resetForgetsEverything() {
        BitrateMeter meter = new BitrateMeter();
        meter.record(1000, 0);
        meter.reset();
        assertThat(meter.bitsPerSecond(10 * MS)).isZero();
    }
}
