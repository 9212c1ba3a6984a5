package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class TransportCcFeedbackTest {

    /** Feedback for 14 packets from 65534 across the wrap to 11, as libwebrtc pads it. */
    static final byte[] TWCC = Hex.bytes("""
            af cd 00 08    # RTPFB: V=2 P=1 FMT=15 (transport-wide CC), PT=205, length 8 (36 bytes)
            12 34 56 78    # sender SSRC
            87 65 43 21    # media SSRC
            ff fe          # base sequence number 65534
            00 0e          # packet status count 14
            00 1f 40       # reference time 8000 x 64 ms = 512 s
            07             # feedback packet count 7
            20 02          # run-length chunk: 0, symbol 01 (small delta), run 2: 65534, 65535
            e1 00          # status vector, 2-bit: 1 1, symbols 10 00 01 00 00 00 00: 0 large, 1 lost, 2 small, 3-6 lost
            ac 00          # status vector, 1-bit: 1 0, symbols 1 0 1 1 0 (then unused): 7, 9, 10 received
            04             # delta 65534: 4 x 250 us = 1 ms
            08             # delta 65535: 2 ms
            ff fc          # delta 0: large, -4 (-1 ms, reordered)
            50             # delta 2: 80 (20 ms)
            ff             # delta 7: 255 (63.75 ms)
            01             # delta 9
            02             # delta 10
            00 02          # padding: 2 bytes
            """);

    /** Records what the parser reports; a stage would implement the visitor once, not per packet. */
    static final class Recorder implements TransportCcFeedback.PacketVisitor {
        final int[] seqs = new int[1024];
        final int[] symbols = new int[1024];
        final int[] deltas = new int[1024];
        int count;

        @Override
        public void packet(int sequenceNumber, int symbol, int deltaTicks) {
            seqs[count] = sequenceNumber;
            symbols[count] = symbol;
            deltas[count] = deltaTicks;
            count++;
        }
    }

    private final TransportCcFeedback twcc = new TransportCcFeedback();
    private final Recorder recorder = new Recorder();

    @Test
    void readsTheHeader() {
        assertThat(twcc.wrap(TWCC, 0, TWCC.length)).isEqualTo(ParseStatus.OK);
        assertThat(twcc.senderSsrc()).isEqualTo(0x12345678);
        assertThat(twcc.mediaSsrc()).isEqualTo(0x87654321);
        assertThat(twcc.baseSequenceNumber()).isEqualTo(65534);
        assertThat(twcc.packetStatusCount()).isEqualTo(14);
        assertThat(twcc.referenceTime()).isEqualTo(8000);
        assertThat(twcc.referenceTimeMicros()).isEqualTo(512_000_000L);
        assertThat(twcc.feedbackCount()).isEqualTo(7);
    }

    @Test
    void reportsEveryPacketThroughBothChunkKindsAndBothDeltaSizes() {
        twcc.wrap(TWCC, 0, TWCC.length);

        assertThat(twcc.forEach(recorder)).isEqualTo(ParseStatus.OK);
        assertThat(recorder.count).isEqualTo(14);
        assertThat(Arrays.copyOf(recorder.seqs, 14))
                .containsExactly(65534, 65535, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(Arrays.copyOf(recorder.symbols, 14))
                .containsExactly(1, 1, 2, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0);
        assertThat(Arrays.copyOf(recorder.deltas, 14))
                .containsExactly(4, 8, -4, 0, 80, 0, 0, 0, 0, 255, 0, 1, 2, 0);
    }

    @Test
    void reportsNothingWhenTheDeltasAreCut() {
        byte[] cut = Arrays.copyOf(TWCC, 32); // last two delta bytes gone
        cut[0] = (byte) 0x8f; // no padding
        cut[3] = 0x07; // length 7 (32 bytes)

        assertThat(twcc.wrap(cut, 0, cut.length)).isEqualTo(ParseStatus.OK);
        assertThat(twcc.forEach(recorder)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(recorder.count).isZero();
    }

    @Test
    void reportsNothingWhenChunksAreMissingOrReserved() {
        byte[] moreThanChunks = TWCC.clone();
        moreThanChunks[15] = (byte) 0xff; // 255 packets: the chunks run into the deltas and past the end
        twcc.wrap(moreThanChunks, 0, moreThanChunks.length);
        assertThat(twcc.forEach(recorder)).isEqualTo(ParseStatus.TRUNCATED_BODY);

        byte[] reserved = TWCC.clone();
        reserved[20] = 0x60; // run-length chunk of the reserved symbol 11
        twcc.wrap(reserved, 0, reserved.length);
        assertThat(twcc.forEach(recorder)).isEqualTo(ParseStatus.BAD_FIELD);
        assertThat(recorder.count).isZero();
    }

    @Test
    void rejectsAHeaderCutShort() {
        assertThat(twcc.wrap(TWCC, 0, 16)).isEqualTo(ParseStatus.LENGTH_OVERRUN);
        assertThat(twcc.wrap(NackPacketTest.NACK, 0, NackPacketTest.NACK.length)).isEqualTo(ParseStatus.WRONG_TYPE);
    }
}
