package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class RtcpCompoundTest {

    /** A sender's compound report: SR with one report block, then SDES with its CNAME. */
    static final byte[] SR_SDES = Hex.bytes("""
            81 c8 00 0c    # SR: V=2 P=0 RC=1, PT=200, length 12 (52 bytes)
            12 34 56 78    #   sender SSRC
            e9 8f 4a 3b    #   NTP timestamp, seconds
            80 00 00 00    #   NTP timestamp, fraction (0.5 s)
            00 01 5f 90    #   RTP timestamp 90000
            00 00 01 f4    #   sender's packet count 500
            00 05 dc 00    #   sender's octet count 384000
            87 65 43 21    #   report block: SSRC of source
            0a             #     fraction lost 10/256
            ff ff fe       #     cumulative lost -2 (duplicates)
            00 01 ff ff    #     extended highest seq: 1 cycle, seq 65535
            00 00 00 20    #     jitter 32
            4a 3b 80 00    #     LSR
            00 00 80 00    #     DLSR 0.5 s
            81 ca 00 06    # SDES: V=2 P=0 SC=1, PT=202, length 6 (28 bytes)
            12 34 56 78    #   chunk SSRC
            01 10          #   CNAME, 16 bytes
            6d 65 74 72 6f 68 75 62 2d 63 6e 61 6d 65 30 31  # "metrohub-cname01"
            00 00          #   end of items, padding to 32 bits
            """);

    /** A receiver's report padded for SRTCP: RR without blocks and four padding bytes. */
    static final byte[] PADDED_RR = Hex.bytes("""
            a0 c9 00 02    # RR: V=2 P=1 RC=0, PT=201, length 2 (12 bytes)
            de ad be ef    #   sender SSRC
            00 00 00 04    #   padding: 4 bytes
            """);

    private final RtcpCompound compound = new RtcpCompound();

    @Test
    void translatesASenderReportForAForwardedStream() {
        byte[] out = new byte[40];
        int length = SenderReport.writeTranslated(SR_SDES, 0, out, 4, 0x0BADCAFE, 0xFFFF_FFF0L, 7, 8400);

        assertThat(length).isEqualTo(SenderReport.SENDER_INFO_LENGTH);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 32)).isEqualTo(Hex.bytes("""
                80 c8 00 06    # SR: V=2 RC=0 (the sender's report blocks are about its own reception), length 6
                0b ad ca fe    #   the forwarder's SSRC for the stream
                e9 8f 4a 3b    #   NTP timestamp kept: the sender's clock, for lip sync
                80 00 00 00
                ff ff ff f0    #   RTP timestamp mapped into the forwarded stream
                00 00 00 07    #   packets and octets the forwarder sent this receiver
                00 00 20 d0
                """));
        SenderReport sr = new SenderReport();
        assertThat(sr.wrap(out, 4, length)).isEqualTo(ParseStatus.OK);
        assertThat(SenderReport.writeTranslated(SR_SDES, 0, out, 20, 1, 2, 3, 4)).isEqualTo(-1);
    }

    @Test
    void walksSenderReportThenSdes() {
        compound.wrap(SR_SDES, 0, SR_SDES.length);

        assertThat(compound.next()).isTrue();
        assertThat(compound.packetType()).isEqualTo(RtcpHeader.SR);
        assertThat(compound.count()).isEqualTo(1);
        SenderReport sr = new SenderReport();
        assertThat(sr.wrap(SR_SDES, compound.packetOffset(), compound.packetLength())).isEqualTo(ParseStatus.OK);
        assertThat(sr.senderSsrc()).isEqualTo(0x12345678);
        assertThat(sr.ntpTimestamp()).isEqualTo(0xe98f4a3b_80000000L);
        assertThat(sr.ntpMiddle32()).isEqualTo(0x4a3b8000L);
        assertThat(sr.rtpTimestamp()).isEqualTo(90000);
        assertThat(sr.packetCount()).isEqualTo(500);
        assertThat(sr.octetCount()).isEqualTo(384000);
        ReportBlock block = sr.block(0, new ReportBlock());
        assertThat(block.ssrc()).isEqualTo(0x87654321);
        assertThat(block.fractionLost()).isEqualTo(10);
        assertThat(block.cumulativeLost()).isEqualTo(-2);
        assertThat(block.extendedHighestSeq()).isEqualTo(0x1_FFFFL);
        assertThat(block.jitter()).isEqualTo(32);
        assertThat(block.lastSr()).isEqualTo(0x4a3b8000L);
        assertThat(block.delaySinceLastSr()).isEqualTo(0x8000);

        assertThat(compound.next()).isTrue();
        assertThat(compound.packetType()).isEqualTo(RtcpHeader.SDES);
        assertThat(compound.packetOffset()).isEqualTo(52);
        SdesPacket sdes = new SdesPacket();
        assertThat(sdes.wrap(SR_SDES, compound.packetOffset(), compound.packetLength())).isEqualTo(ParseStatus.OK);
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.chunkSsrc()).isEqualTo(0x12345678);
        assertThat(sdes.nextItem()).isTrue();
        assertThat(sdes.itemType()).isEqualTo(SdesPacket.CNAME);
        assertThat(new String(SR_SDES, sdes.itemOffset(), sdes.itemLength(), StandardCharsets.UTF_8))
                .isEqualTo("metrohub-cname01");
        assertThat(sdes.nextItem()).isFalse();
        assertThat(sdes.nextChunk()).isFalse();

        assertThat(compound.next()).isFalse();
        assertThat(compound.status()).isEqualTo(ParseStatus.OK);
    }

    @Test
    void stopsAtATruncatedPacketAfterTheGoodOnes() {
        compound.wrap(SR_SDES, 0, SR_SDES.length - 4);

        assertThat(compound.next()).isTrue();
        assertThat(compound.next()).isFalse();
        assertThat(compound.status()).isEqualTo(ParseStatus.LENGTH_OVERRUN);
    }

    @Test
    void stopsAtABadVersionOrAStubHeader() {
        byte[] bad = SR_SDES.clone();
        bad[52] = 0x41; // SDES with V=1
        compound.wrap(bad, 0, bad.length);
        assertThat(compound.next()).isTrue();
        assertThat(compound.next()).isFalse();
        assertThat(compound.status()).isEqualTo(ParseStatus.BAD_VERSION);

        compound.wrap(SR_SDES, 0, 55);
        assertThat(compound.next()).isTrue();
        assertThat(compound.next()).isFalse();
        assertThat(compound.status()).isEqualTo(ParseStatus.TOO_SHORT);
    }

    @Test
    void readsAPaddedReportAndRejectsOversizedPadding() {
        compound.wrap(PADDED_RR, 0, PADDED_RR.length);
        assertThat(compound.next()).isTrue();
        assertThat(compound.packetLength()).isEqualTo(12);
        assertThat(RtcpHeader.contentLength(PADDED_RR, 0)).isEqualTo(8);
        ReceiverReport rr = new ReceiverReport();
        assertThat(rr.wrap(PADDED_RR, 0, PADDED_RR.length)).isEqualTo(ParseStatus.OK);
        assertThat(rr.senderSsrc()).isEqualTo(0xdeadbeef);
        assertThat(rr.reportCount()).isZero();

        byte[] overPadded = PADDED_RR.clone();
        overPadded[11] = 12; // more padding than the 8 bytes after the header
        assertThat(compound.wrap(overPadded, 0, overPadded.length).next()).isFalse();
        assertThat(compound.status()).isEqualTo(ParseStatus.BAD_PADDING);
    }

    @Test
    void sdesRejectsAnItemRunningPastThePacket() {
        byte[] sdes = Arrays.copyOfRange(SR_SDES, 52, SR_SDES.length);
        sdes[9] = 0x20; // CNAME claims 32 bytes
        assertThat(new SdesPacket().wrap(sdes, 0, sdes.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(new SenderReport().wrap(sdes, 0, sdes.length)).isEqualTo(ParseStatus.WRONG_TYPE);
    }
}
