package org.metrohub.media.sfu.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.rtp.TransportCcFeedback;

class TransportCcRecorderTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;
    /** 100 reference-time units of 64 ms. */
    private static final long T0 = 6_400 * MS;

    /** What the reader reports, in order, across feedback packets. */
    static final class Reported implements TransportCcFeedback.PacketVisitor {
        final List<int[]> packets = new ArrayList<>();
        /** Arrival times rebuilt from each feedback's reference time and the deltas. */
        final List<Long> arrivalMicros = new ArrayList<>();
        long clockMicros;

        @Override
        public void packet(int sequenceNumber, int symbol, int deltaTicks) {
            packets.add(new int[] {sequenceNumber, symbol, deltaTicks});
            if (symbol != TransportCcFeedback.NOT_RECEIVED) {
                clockMicros += deltaTicks * (long) TransportCcFeedback.DELTA_TICK_MICROS;
                arrivalMicros.add(clockMicros);
            }
        }

        int[] seqs() {
            return packets.stream().mapToInt(p -> p[0]).toArray();
        }

        int[] symbols() {
            return packets.stream().mapToInt(p -> p[1]).toArray();
        }
    }

    private final TransportCcRecorder recorder = recorder(4096, 1200);
    private final byte[] out = new byte[1500];
    private final TransportCcFeedback reader = new TransportCcFeedback();
    private final Reported reported = new Reported();

    private static TransportCcRecorder recorder(int window, int maxLength) {
        return new TransportCcRecorder(0x2a, 0x5a1b2c3d, Packets.TRANSPORT_CC_ID, window, maxLength, 100 * MS);
    }

    @Test
    void writesLossReorderingAndTheWrapAsComputedByHand() {
        recorder.record(65534, T0 + 1 * MS);
        recorder.record(2, T0 + 2500 * US); // 65535 and 1 lost, 0 late
        recorder.record(0, T0 + 3 * MS);
        recorder.record(3, T0 + 70 * MS);

        int length = recorder.writeFeedback(T0 + 100 * MS, out, 0);

        // draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1
        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                8f cd 00 06    # RTPFB: V=2 P=0 FMT=15, PT=205, length 6 (28 bytes)
                00 00 00 2a    # sender SSRC: the SFU
                5a 1b 2c 3d    # media SSRC
                ff fe 00 06    # base sequence number 65534, packet status count 6 (65534 .. 3)
                00 00 64 00    # reference time 100 x 64 ms = 6.4 s (65534's arrival, rounded down); feedback 0
                d1 28          # status vector, 2-bit: 01 00 01 00 10 10 (unused 00)
                04             # 65534: 6.401 s - 6.4 s = 4 ticks of 250 us
                08             # 0: 6.403 s, 8 ticks after 65534
                ff fe          # 2: 6.4025 s, -2 ticks: arrived before 0
                01 0e          # 3: 6.470 s, 270 ticks: more than a small delta holds
                """));

        recorder.record(4, T0 + 80 * MS);
        length = recorder.writeFeedback(T0 + 200 * MS, out, 0);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                af cd 00 05    # RTPFB: V=2 P=1 FMT=15, PT=205, length 5 (24 bytes)
                00 00 00 2a
                5a 1b 2c 3d
                00 04 00 01    # base sequence number 4: the first not reported; 1 packet
                00 00 65 01    # reference time 101 x 64 ms = 6.464 s; feedback 1
                20 01          # run-length chunk: small delta x1
                40             # 4: 6.480 s - 6.464 s = 64 ticks
                01             # padding: 1 byte
                """));
        assertThat(recorder.feedbacks()).isEqualTo(2);
    }

    @Test
    void isDueOnceAnIntervalAfterTheLastFeedback() {
        assertThat(recorder.isDue(0)).as("nothing recorded").isFalse();
        recorder.record(1, 0);
        assertThat(recorder.isDue(0)).isTrue();
        recorder.writeFeedback(0, out, 0);
        assertThat(recorder.isDue(200 * MS)).as("nothing new").isFalse();

        recorder.record(2, 10 * MS);
        assertThat(recorder.isDue(99 * MS)).isFalse();
        assertThat(recorder.isDue(100 * MS)).isTrue();
        assertThat(recorder.writeFeedback(100 * MS, out, 0)).isPositive();
        assertThat(recorder.writeFeedback(100 * MS, out, 0)).as("all reported").isZero();
    }

    @Test
    void reportsAPacketAgainWhenItArrivesAfterBeingReportedLost() {
        recorder.record(10, 0);
        recorder.record(12, 1 * MS);
        readBack(recorder.writeFeedback(0, out, 0));

        recorder.record(11, 2 * MS);
        recorder.record(11, 3 * MS);
        readBack(recorder.writeFeedback(100 * MS, out, 0));

        assertThat(reported.seqs()).containsExactly(10, 11, 12, 11, 12);
        // the second feedback: 11 (2 ms), then 12, which arrived 1 ms before it: a negative, large delta
        assertThat(reported.symbols()).containsExactly(1, 0, 1, 1, 2);
        assertThat(reported.packets.get(4)[2]).isEqualTo(-4);
        assertThat(recorder.late()).isEqualTo(1);
        assertThat(recorder.duplicates()).isEqualTo(1);
    }

    @Test
    void startsANewFeedbackAfterAPauseLongerThanADeltaHolds() {
        recorder.record(1, 0);
        recorder.record(5, 9_000 * MS); // 36,000 ticks later: more than 16 signed bits

        int first = recorder.writeFeedback(9_000 * MS, out, 0);
        assertThat(reader.wrap(out, 0, first)).isEqualTo(ParseStatus.OK);
        assertThat(reader.packetStatusCount()).isEqualTo(1);
        readBack(first);
        int second = recorder.writeFeedback(9_000 * MS, out, 0);
        assertThat(reader.wrap(out, 0, second)).isEqualTo(ParseStatus.OK);
        assertThat(reader.referenceTimeMicros()).isEqualTo(8_960_000L); // 140 x 64 ms
        readBack(second);

        assertThat(reported.seqs()).containsExactly(1, 2, 3, 4, 5);
        assertThat(reported.symbols()).containsExactly(1, 0, 0, 0, 1);
        assertThat(recorder.writeFeedback(9_000 * MS, out, 0)).isZero();
    }

    @Test
    void splitsWhatOutgrowsTheLengthLimitAcrossFeedbacks() {
        TransportCcRecorder small = recorder(4096, 64);
        for (int i = 0; i < 200; i++) {
            small.record(65500 + i, i * 100 * MS); // 400 ticks apart: large deltas
        }

        int feedbacks = 0;
        int length;
        while ((length = small.writeFeedback(0, out, 0)) > 0) {
            assertThat(length).isLessThanOrEqualTo(64);
            assertThat(reader.wrap(out, 0, length)).isEqualTo(ParseStatus.OK);
            assertThat(reader.feedbackCount()).isEqualTo(feedbacks++);
            reported.clockMicros = reader.referenceTimeMicros();
            assertThat(reader.forEach(reported)).isEqualTo(ParseStatus.OK);
        }

        assertThat(feedbacks).isEqualTo(10); // 20 + 2 + 2 x 20 bytes: 20 packets each
        assertThat(reported.seqs()).hasSize(200);
        assertThat(reported.seqs()[0]).isEqualTo(65500);
        assertThat(reported.seqs()[199]).isEqualTo(163);
        for (int i = 0; i < 200; i++) {
            assertThat(reported.arrivalMicros.get(i)).isEqualTo(i * 100_000L);
        }
    }

    @Test
    void dropsUnreportedPacketsAJumpPushesOutOfTheWindow() {
        TransportCcRecorder narrow = recorder(16, 1200);
        narrow.record(1, 0);
        narrow.record(40, 1 * MS);

        assertThat(narrow.overflowed()).isEqualTo(1);
        assertThat(reader.wrap(out, 0, narrow.writeFeedback(1 * MS, out, 0))).isEqualTo(ParseStatus.OK);
        assertThat(reader.baseSequenceNumber()).isEqualTo(25);
        assertThat(reader.packetStatusCount()).isEqualTo(16);
    }

    @Test
    void readsTheSequenceNumberFromTheHeaderExtension() {
        byte[] packet = Packets.vp8(8000, 65535);
        assertThat(recorder.record(new RtpPacket().wrap(packet, 0, packet.length), 0)).isTrue();
        byte[] other = packet.clone();
        other[16] = 0x51; // the element is id 5 now: no transport-wide sequence number
        assertThat(recorder.record(new RtpPacket().wrap(other, 0, other.length), 0)).isFalse();

        readBack(recorder.writeFeedback(0, out, 0));

        assertThat(reported.seqs()).containsExactly(65535);
        assertThat(recorder.recorded()).isEqualTo(1);
        assertThat(recorder.missingExtension()).isEqualTo(1);
    }

    private void readBack(int length) {
        assertThat(reader.wrap(out, 0, length)).isEqualTo(ParseStatus.OK);
        assertThat(reader.forEach(reported)).isEqualTo(ParseStatus.OK);
    }
}
