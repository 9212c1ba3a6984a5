package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class NackPacketTest {

    static final byte[] NACK = Hex.bytes("""
            81 cd 00 04    # RTPFB: V=2 P=0 FMT=1 (generic NACK), PT=205, length 4 (20 bytes)
            12 34 56 78    # sender SSRC
            87 65 43 21    # media SSRC
            ff fe 00 0b    # PID 65534, BLP 0000 0000 0000 1011: +1, +2, +4 lost (65535, 0, 2: across the wrap)
            00 0a 80 00    # PID 10, BLP bit 15: +16 lost (26)
            """);

    private final NackPacket nack = new NackPacket();

    @Test
    void listsLostSequenceNumbersAcrossTheWrap() {
        assertThat(nack.wrap(NACK, 0, NACK.length)).isEqualTo(ParseStatus.OK);
        assertThat(nack.senderSsrc()).isEqualTo(0x12345678);
        assertThat(nack.mediaSsrc()).isEqualTo(0x87654321);
        assertThat(nack.fciCount()).isEqualTo(2);

        int[] lost = new int[32];
        int n = nack.lostSequenceNumbers(lost);
        assertThat(Arrays.copyOf(lost, n)).containsExactly(65534, 65535, 0, 2, 10, 26);
    }

    @Test
    void stopsAtTheCallersArray() {
        nack.wrap(NACK, 0, NACK.length);
        int[] lost = new int[3];
        assertThat(nack.lostSequenceNumbers(lost)).isEqualTo(3);
        assertThat(lost).containsExactly(65534, 65535, 0);
    }

    @Test
    void writesTheFewestFcisAcrossTheWrap() {
        byte[] out = new byte[64];
        int length = NackPacket.write(out, 0, 0x12345678, 0x87654321, new int[] {65534, 65535, 0, 2, 10, 26}, 6);

        assertThat(length).isEqualTo(20);
        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                81 cd 00 04    # RTPFB: V=2 P=0 FMT=1, PT=205, length 4 (20 bytes)
                12 34 56 78    # sender SSRC
                87 65 43 21    # media SSRC
                ff fe 08 0b    # PID 65534, BLP 0000 1000 0000 1011: +1, +2, +4, +12 (65535, 0, 2, 10)
                00 1a 00 00    # PID 26, BLP 0: 26 is 28 after 65534, past one BLP
                """));
        int[] lost = new int[8];
        assertThat(nack.wrap(out, 0, length)).isEqualTo(ParseStatus.OK);
        assertThat(Arrays.copyOf(lost, nack.lostSequenceNumbers(lost))).containsExactly(65534, 65535, 0, 2, 10, 26);
        assertThat(NackPacket.write(new byte[16], 0, 1, 2, new int[] {1, 100}, 2)).as("no room").isEqualTo(-1);
        assertThat(NackPacket.write(out, 0, 1, 2, new int[0], 0)).as("nothing lost").isEqualTo(-1);
    }

    @Test
    void ignoresPadding() {
        byte[] padded = Hex.bytes("""
                a1 cd 00 04    # RTPFB: V=2 P=1 FMT=1, PT=205, length 4 (20 bytes)
                12 34 56 78    # sender SSRC
                87 65 43 21    # media SSRC
                00 64 00 00    # PID 100, BLP 0
                00 00 00 04    # padding: 4 bytes
                """);
        assertThat(nack.wrap(padded, 0, padded.length)).isEqualTo(ParseStatus.OK);
        assertThat(nack.fciCount()).isEqualTo(1);
        int[] lost = new int[4];
        assertThat(nack.lostSequenceNumbers(lost)).isEqualTo(1);
        assertThat(lost[0]).isEqualTo(100);
    }

    @Test
    void rejectsTruncatedAndForeignPackets() {
        assertThat(nack.wrap(NACK, 0, 16)).isEqualTo(ParseStatus.LENGTH_OVERRUN);
        byte[] noFci = Arrays.copyOf(NACK, 12);
        noFci[3] = 0x02; // length 2: header and SSRCs only
        assertThat(nack.wrap(noFci, 0, noFci.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(nack.wrap(PsfbPacketsTest.PLI, 0, PsfbPacketsTest.PLI.length)).isEqualTo(ParseStatus.WRONG_TYPE);
    }
}
