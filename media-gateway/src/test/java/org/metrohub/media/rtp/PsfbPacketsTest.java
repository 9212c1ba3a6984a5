package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

/** Payload-specific feedback: PLI, FIR and REMB. */
class PsfbPacketsTest {

    static final byte[] PLI = Hex.bytes("""
            81 ce 00 02    # PSFB: V=2 P=0 FMT=1 (PLI), PT=206, length 2 (12 bytes)
            12 34 56 78    # sender SSRC
            87 65 43 21    # media SSRC: the stream that needs a keyframe
            """);

    static final byte[] FIR = Hex.bytes("""
            84 ce 00 04    # PSFB: V=2 P=0 FMT=4 (FIR), PT=206, length 4 (20 bytes)
            12 34 56 78    # sender SSRC
            00 00 00 00    # media SSRC: unused, zero (RFC 5104 §4.3.1.2)
            87 65 43 21    # FCI: SSRC of the stream to refresh
            ff 00 00 00    #      command sequence number 255, reserved
            """);

    static final byte[] REMB = Hex.bytes("""
            8f ce 00 05    # PSFB: V=2 P=0 FMT=15 (application layer), PT=206, length 5 (24 bytes)
            12 34 56 78    # sender SSRC
            00 00 00 00    # media SSRC: unused, zero
            52 45 4d 42    # "REMB"
            01             # one SSRC follows
            0e dc 6c       # exponent 3 (0000 11), mantissa 0x2dc6c = 187500 (10 1101 1100 0110 1100): 1,500,000 bps
            87 65 43 21    # SSRC the estimate applies to
            """);

    @Test
    void readsAndWritesPli() {
        assertThat(PliPacket.check(PLI, 0, PLI.length)).isEqualTo(ParseStatus.OK);
        assertThat(PliPacket.senderSsrc(PLI, 0)).isEqualTo(0x12345678);
        assertThat(PliPacket.mediaSsrc(PLI, 0)).isEqualTo(0x87654321);

        byte[] out = new byte[12];
        assertThat(PliPacket.write(out, 0, 0x12345678, 0x87654321)).isEqualTo(12);
        assertThat(out).isEqualTo(PLI);
        assertThat(PliPacket.write(out, 4, 1, 2)).as("no room").isEqualTo(-1);
    }

    @Test
    void pliRejectsTruncatedPaddedAndForeignPackets() {
        assertThat(PliPacket.check(PLI, 0, 8)).isEqualTo(ParseStatus.LENGTH_OVERRUN);
        byte[] padded = Hex.bytes("""
                a1 ce 00 02    # PSFB: V=2 P=1 FMT=1, length 2 (12 bytes)
                12 34 56 78    # sender SSRC
                00 00 00 04    # padding eats the media SSRC
                """);
        assertThat(PliPacket.check(padded, 0, padded.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(PliPacket.check(FIR, 0, FIR.length)).isEqualTo(ParseStatus.WRONG_TYPE);
    }

    @Test
    void readsFirAndWritesTheNextCommandAcrossTheWrap() {
        FirPacket fir = new FirPacket();
        assertThat(fir.wrap(FIR, 0, FIR.length)).isEqualTo(ParseStatus.OK);
        assertThat(fir.senderSsrc()).isEqualTo(0x12345678);
        assertThat(fir.entryCount()).isEqualTo(1);
        assertThat(fir.ssrc(0)).isEqualTo(0x87654321);
        assertThat(fir.sequenceNumber(0)).isEqualTo(255);

        byte[] out = new byte[20];
        assertThat(FirPacket.write(out, 0, 0x12345678, 0x87654321, 255)).isEqualTo(20);
        assertThat(out).isEqualTo(FIR);
        FirPacket.write(out, 0, 0x12345678, 0x87654321, 256);
        assertThat(fir.wrap(out, 0, out.length)).isEqualTo(ParseStatus.OK);
        assertThat(fir.sequenceNumber(0)).as("256 wraps to 0").isZero();
    }

    @Test
    void firRejectsAMissingEntry() {
        byte[] noEntry = Arrays.copyOf(FIR, 12);
        noEntry[3] = 0x02;
        assertThat(new FirPacket().wrap(noEntry, 0, noEntry.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
    }

    @Test
    void readsRembBitrateFromExponentAndMantissa() {
        RembPacket remb = new RembPacket();
        assertThat(remb.wrap(REMB, 0, REMB.length)).isEqualTo(ParseStatus.OK);
        assertThat(remb.senderSsrc()).isEqualTo(0x12345678);
        assertThat(remb.bitrate()).isEqualTo(187_500L << 3).isEqualTo(1_500_000L);
        assertThat(remb.ssrcCount()).isEqualTo(1);
        assertThat(remb.ssrc(0)).isEqualTo(0x87654321);
    }

    @Test
    void writesRembWithTheSmallestExponent() {
        byte[] out = new byte[24];
        assertThat(RembPacket.write(out, 0, 0x12345678, 1_500_000L, new int[] {0x87654321}, 1)).isEqualTo(24);
        assertThat(out).isEqualTo(REMB);
    }

    @Test
    void rembSaturatesAHugeExponent() {
        byte[] huge = REMB.clone();
        huge[17] = (byte) 0xff; // exponent 63, mantissa 0x3dc6c
        RembPacket remb = new RembPacket();
        remb.wrap(huge, 0, huge.length);
        assertThat(remb.bitrate()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rembRejectsOtherApplicationFeedbackAndMissingSsrcs() {
        RembPacket remb = new RembPacket();
        byte[] other = REMB.clone();
        other[15] = 'X';
        assertThat(remb.wrap(other, 0, other.length)).isEqualTo(ParseStatus.WRONG_TYPE);
        byte[] twoSsrcs = REMB.clone();
        twoSsrcs[16] = 2;
        assertThat(remb.wrap(twoSsrcs, 0, twoSsrcs.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(remb.wrap(REMB, 0, 20)).isEqualTo(ParseStatus.LENGTH_OVERRUN);
    }
}
