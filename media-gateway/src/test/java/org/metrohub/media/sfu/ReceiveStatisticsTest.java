package org.metrohub.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metrohub.media.rtp.ReportBlock;

/** The receiver report arithmetic of RFC 3550 appendix A.3 and A.8, on sequences built to show each rule. */
class ReceiveStatisticsTest {

    private static final long MS = 1_000_000L;
    private final ReceiveStatistics stats = new ReceiveStatistics(90_000);
    private final byte[] block = new byte[ReportBlock.LENGTH];
    private final ReportBlock view = new ReportBlock();

    @Test
    void countsLossAcrossTheSequenceWrapAndPerInterval() {
        // 65530 … 65535, 0 … 9 with 65534 and 3, 4 missing: 16 expected, 13 received
        long now = 0;
        for (int i = 0; i < 16; i++) {
            int seq = (65530 + i) & 0xFFFF;
            if (seq != 65534 && seq != 3 && seq != 4) {
                stats.onPacket(seq, 3000L * i, now);
            }
            now += 33 * MS;
        }
        stats.writeBlock(block, 0, 0x1234, now);
        view.wrap(block, 0);

        assertThat(view.ssrc()).isEqualTo(0x1234);
        assertThat(view.extendedHighestSeq()).isEqualTo(0x1_0009L);
        assertThat(view.cumulativeLost()).isEqualTo(3);
        assertThat(view.fractionLost()).isEqualTo(3 * 256 / 16);
        assertThat(stats.fractionLost()).isEqualTo((3 * 256 / 16) / 256.0);

        // next interval: 10 … 19 all received; cumulative stays 3, fraction 0
        for (int seq = 10; seq < 20; seq++) {
            stats.onPacket(seq, 3000L * (seq + 6), now);
            now += 33 * MS;
        }
        stats.writeBlock(block, 0, 0x1234, now);
        view.wrap(block, 0);
        assertThat(view.cumulativeLost()).isEqualTo(3);
        assertThat(view.fractionLost()).isZero();
    }

    @Test
    void jitterFollowsTheSpreadOfArrivalsAgainstTimestamps() {
        // a 30 fps stream (3000 ticks per frame) whose packets arrive alternately 10 ms early and late
        for (int i = 0; i < 200; i++) {
            long arrival = i * 100 * MS / 3 + (i % 2 == 0 ? 0 : 20 * MS);
            stats.onPacket(i, 3000L * i, arrival);
        }
        // |D| = 20 ms = 1800 ticks every packet: J converges to 1800 (RFC 3550 A.8: J += (|D| - J) / 16)
        assertThat(stats.jitterMillis()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.5));
        stats.writeBlock(block, 0, 1, 200 * 100 * MS / 3);
        assertThat(view.wrap(block, 0).jitter()).isBetween(1790L, 1800L);
    }

    @Test
    void reportsTheDelaySinceTheSendersLastReport() {
        stats.onPacket(1, 0, 0);
        stats.onSenderReport(0x4a3b8000L, 1_000 * MS);
        stats.writeBlock(block, 0, 1, 1_500 * MS);
        view.wrap(block, 0);
        assertThat(view.lastSr()).isEqualTo(0x4a3b8000L);
        assertThat(view.delaySinceLastSr()).isEqualTo(0x8000); // 0.5 s in 1/65536 s
    }
}
