package org.metrohub.media.sfu.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;
import org.metrohub.media.rtp.NackPacket;
import org.metrohub.media.rtp.ParseStatus;

class NackGeneratorTest {
    private static final long MS = 1_000_000L;

    private final NackGenerator generator = new NackGenerator(0x2a, 0x5a1b2c3d, 8, 2, 10 * MS, 100 * MS);
    private final byte[] out = new byte[64];
    private final NackPacket nack = new NackPacket();
    private final int[] lost = new int[16];

    @Test
    void nacksAGapAcrossTheWrapOnceTheReorderToleranceHasPassed() {
        generator.onPacket(65533, 0);
        generator.onPacket(65534, 0);
        generator.onPacket(1, 0); // 65535 and 0 lost

        assertThat(generator.isDue(9 * MS)).isFalse();
        assertThat(generator.isDue(10 * MS)).isTrue();
        int length = generator.writeNack(10 * MS, out, 0);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                81 cd 00 03    # RTPFB: V=2 P=0 FMT=1 (generic NACK, RFC 4585 §6.2.1), PT=205, length 3 (16 bytes)
                00 00 00 2a    # sender SSRC: the SFU
                5a 1b 2c 3d    # media SSRC: the sender's stream
                ff ff 00 01    # PID 65535, BLP bit 0: 0 lost too
                """));
        assertThat(generator.detected()).isEqualTo(2);
        assertThat(generator.nacks()).isEqualTo(1);
        assertThat(generator.requested()).isEqualTo(2);
    }

    @Test
    void doesNotNackAPacketThatWasOnlyReordered() {
        generator.onPacket(1, 0);
        generator.onPacket(3, 1 * MS);
        generator.onPacket(2, 3 * MS);

        assertThat(generator.isDue(20 * MS)).isFalse();
        assertThat(generator.writeNack(20 * MS, out, 0)).isZero();
        assertThat(generator.recovered()).isEqualTo(1);
        assertThat(generator.missingCount()).isZero();
    }

    @Test
    void asksAgainEveryRetryIntervalUpToTheLimit() {
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);

        assertThat(generator.writeNack(10 * MS, out, 0)).isPositive();
        assertThat(generator.isDue(50 * MS)).isFalse();
        assertThat(generator.writeNack(50 * MS, out, 0)).isZero();
        assertThat(nack.wrap(out, 0, generator.writeNack(110 * MS, out, 0))).isEqualTo(ParseStatus.OK);
        assertThat(Arrays.copyOf(lost, nack.lostSequenceNumbers(lost))).containsExactly(2);

        assertThat(generator.writeNack(210 * MS, out, 0)).as("two retries spent").isZero();
        assertThat(generator.givenUp()).isEqualTo(1);
        assertThat(generator.missingCount()).isZero();
        generator.onPacket(2, 220 * MS);
        assertThat(generator.lateOrDuplicate()).isEqualTo(1);
    }

    @Test
    void stopsAskingOnceTheRetransmissionArrives() {
        generator.onPacket(1, 0);
        generator.onPacket(4, 0); // 2, 3 lost
        generator.writeNack(10 * MS, out, 0);

        generator.onPacket(3, 40 * MS); // repaired

        assertThat(nack.wrap(out, 0, generator.writeNack(110 * MS, out, 0))).isEqualTo(ParseStatus.OK);
        assertThat(Arrays.copyOf(lost, nack.lostSequenceNumbers(lost))).containsExactly(2);
        assertThat(generator.recovered()).isEqualTo(1);
    }

    @Test
    void turnsAGapTooWideToRepairIntoAKeyframeRequest() {
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        generator.onPacket(20, 0); // 16 lost, more than the 8 it tracks

        assertThat(generator.missingCount()).isZero();
        assertThat(generator.takeKeyframeRequest()).isTrue();
        assertThat(generator.takeKeyframeRequest()).as("cleared").isFalse();
        assertThat(generator.gapsTooWide()).isEqualTo(1);
        assertThat(generator.writeNack(10 * MS, out, 0)).isZero();
    }

    @Test
    void forgetsTheOldestMissingToMakeRoom() {
        generator.onPacket(1, 0);
        generator.onPacket(7, 0); // 2..6
        generator.onPacket(12, 0); // 8..11: nine missing, room for eight

        assertThat(generator.overflowed()).isEqualTo(1);
        assertThat(nack.wrap(out, 0, generator.writeNack(10 * MS, out, 0))).isEqualTo(ParseStatus.OK);
        assertThat(Arrays.copyOf(lost, nack.lostSequenceNumbers(lost))).containsExactly(3, 4, 5, 6, 8, 9, 10, 11);
    }

    @Test
    void leavesWhatDoesNotFitTheBufferDue() {
        generator.onPacket(1, 0);
        generator.onPacket(3, 0);
        generator.onPacket(5, 0);

        assertThat(generator.writeNack(10 * MS, new byte[16], 0)).isEqualTo(16); // one FCI's room
        assertThat(generator.isDue(10 * MS)).isTrue();
        assertThat(nack.wrap(out, 0, generator.writeNack(10 * MS, out, 0))).isEqualTo(ParseStatus.OK);
        assertThat(Arrays.copyOf(lost, nack.lostSequenceNumbers(lost))).containsExactly(4);
    }
}
