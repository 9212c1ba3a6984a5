package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class TransportCcWriterTest {

    private final TransportCcWriter writer = new TransportCcWriter(1200);
    private final TransportCcFeedback reader = new TransportCcFeedback();
    private final TransportCcFeedbackTest.Recorder recorder = new TransportCcFeedbackTest.Recorder();
    private final byte[] out = new byte[1500];

    @Test
    void writesTwoBitVectorRunLengthAndBothDeltaSizesAcrossTheWrap() {
        writer.begin(0x12345678, 0x87654321, 65533, 500, 3, 1200);
        assertThat(writer.addReceived(65533, 3)).isTrue();
        assertThat(writer.addReceived(65535, 4)).isTrue(); // 65534 lost
        assertThat(writer.addReceived(0, -2)).isTrue(); // arrived before 65535: reordered
        assertThat(writer.addReceived(1, 300)).isTrue(); // 75 ms later
        assertThat(writer.addReceived(22, 10)).isTrue(); // 2..21 lost

        int length = writer.finish(out, 0);

        // draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1, computed by hand
        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                af cd 00 08    # RTPFB: V=2 P=1 FMT=15, PT=205, length 8 (36 bytes)
                12 34 56 78    # sender SSRC
                87 65 43 21    # media SSRC
                ff fd          # base sequence number 65533
                00 1a          # packet status count 26 (65533 .. 22)
                00 01 f4       # reference time 500 x 64 ms
                03             # feedback packet count 3
                d1 a0          # status vector, 2-bit: 01 00 01 10 10 00 00 (65533 .. 3)
                00 12          # run-length chunk: not received x18 (4 .. 21)
                20 01          # run-length chunk: small delta x1 (22)
                03             # delta 65533: 3 ticks
                04             # delta 65535: 4
                ff fe          # delta 0: -2, large
                01 2c          # delta 1: 300, large
                0a             # delta 22: 10
                00 00 03       # padding: 3 bytes
                """));
        assertThat(reader.wrap(out, 0, length)).isEqualTo(ParseStatus.OK);
        assertThat(reader.forEach(recorder)).isEqualTo(ParseStatus.OK);
        assertThat(recorder.count).isEqualTo(26);
        assertThat(Arrays.copyOf(recorder.deltas, 5)).containsExactly(3, 0, 4, -2, 300);
        assertThat(recorder.seqs[25]).isEqualTo(22);
        assertThat(recorder.deltas[25]).isEqualTo(10);
    }

    @Test
    void writesAOneBitVectorWhenNoDeltaIsLarge() {
        writer.begin(1, 2, 100, 0, 255, 1200);
        for (int seq = 100; seq <= 114; seq++) {
            if (seq != 102 && seq != 113) {
                assertThat(writer.addReceived(seq, 1)).isTrue();
            }
        }

        int length = writer.finish(out, 0);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                af cd 00 09    # RTPFB: V=2 P=1 FMT=15, PT=205, length 9 (40 bytes)
                00 00 00 01    # sender SSRC
                00 00 00 02    # media SSRC
                00 64 00 0f    # base sequence number 100, packet status count 15
                00 00 00 ff    # reference time 0, feedback packet count 255
                b7 fe          # status vector, 1-bit: 1 1 0 1 1 1 1 1 1 1 1 1 1 0 (100 .. 113)
                20 01          # run-length chunk: small delta x1 (114)
                01 01 01 01 01 01 01 01 01 01 01 01 01  # 13 deltas of 1 tick
                00 00 03       # padding: 3 bytes
                """));
    }

    @Test
    void splitsRunsLongerThanARunLengthChunkHolds() {
        writer.begin(1, 2, 0, 0, 0, 1200);
        writer.addReceived(0, 0);
        writer.addReceived(10_001, 0); // 10,000 lost

        int length = writer.finish(out, 0);

        assertThat(Arrays.copyOfRange(out, 14, length)).isEqualTo(Hex.bytes("""
                27 12          # packet status count 10002
                00 00 00 00    # reference time 0, feedback packet count 0
                a0 00          # status vector, 1-bit: 1 then 13 x 0 (0 .. 13)
                1f ff          # run-length chunk: not received x8191 (14 .. 8204)
                07 04          # run-length chunk: not received x1796 (8205 .. 10000)
                20 01          # run-length chunk: small delta x1 (10001)
                00 00          # deltas
                00 02          # padding: 2 bytes
                """));
    }

    @Test
    void refusesWhatDoesNotFitAndLeavesThePacketAsItWas() {
        writer.begin(1, 2, 7, 0, 0, 24); // room for one chunk and two delta bytes
        assertThat(writer.addReceived(7, 1)).isTrue();
        assertThat(writer.addReceived(8, 2)).isTrue();
        assertThat(writer.addReceived(9, 3)).as("third delta byte").isFalse();
        assertThat(writer.addReceived(9, 40_000)).as("delta beyond 16 bits").isFalse();
        assertThat(writer.packetStatusCount()).isEqualTo(2);

        int length = writer.finish(out, 0);

        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                8f cd 00 05    # RTPFB: V=2 P=0 FMT=15, PT=205, length 5 (24 bytes)
                00 00 00 01 00 00 00 02
                00 07 00 02    # base 7, count 2
                00 00 00 00
                20 02          # run-length chunk: small delta x2
                01 02          # deltas
                """));
        assertThat(writer.finish(new byte[23], 0)).as("no room").isEqualTo(-1);
        writer.begin(1, 2, 7, 0, 0, 24);
        assertThat(writer.finish(out, 0)).as("nothing added").isEqualTo(-1);
    }

    @Test
    void roundTripsARandomMixThroughTheReader() {
        Random random = new Random(7);
        int[] symbols = new int[400];
        int[] deltaTicks = new int[400];
        writer.begin(1, 2, 65000, 0, 0, 1200);
        int seq = 65000;
        int n = 0;
        while (n < 300) {
            int lost = random.nextInt(10) < 7 ? 0 : random.nextInt(20);
            for (int i = 0; i < lost; i++) {
                symbols[n++] = 0;
            }
            seq = SeqNum.add(seq, lost);
            int delta = random.nextInt(10) < 8 ? random.nextInt(256) : random.nextInt(2000) - 1000;
            assertThat(writer.addReceived(seq, delta)).isTrue();
            symbols[n] = delta >= 0 && delta < 256 ? 1 : 2;
            deltaTicks[n++] = delta;
            seq = SeqNum.add(seq, 1);
        }

        int length = writer.finish(out, 0);

        assertThat(length % 4).isZero();
        assertThat(reader.wrap(out, 0, length)).isEqualTo(ParseStatus.OK);
        assertThat(reader.packetStatusCount()).isEqualTo(n);
        assertThat(reader.forEach(recorder)).isEqualTo(ParseStatus.OK);
        assertThat(Arrays.copyOf(recorder.symbols, n)).isEqualTo(Arrays.copyOf(symbols, n));
        assertThat(Arrays.copyOf(recorder.deltas, n)).isEqualTo(Arrays.copyOf(deltaTicks, n));
        assertThat(recorder.seqs[0]).isEqualTo(65000);
        assertThat(recorder.seqs[n - 1]).isEqualTo(SeqNum.add(seq, -1));
    }
}
