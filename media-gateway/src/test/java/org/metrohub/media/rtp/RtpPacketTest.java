package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class RtpPacketTest {

    /** A Chrome-like VP8 keyframe start with one-byte extensions: abs-send-time, transport-wide seq, mid. */
    static final byte[] VP8 = Hex.bytes("""
            90             # V=2 P=0 X=1 CC=0
            e0             # M=1 PT=96 (VP8)
            ff ff          # sequence number 65535: the next one wraps
            00 01 5f 90    # timestamp 90000
            12 34 56 78    # SSRC
            be de 00 03    # one-byte header extension profile, 3 words follow
            22 12 34 56    #   id 2 L=2 (3 bytes): abs-send-time 0x123456
            31 01 2c       #   id 3 L=1 (2 bytes): transport-wide sequence number 300
            40 30          #   id 4 L=0 (1 byte): mid "0"
            00 00 00       #   padding to the 32-bit boundary
            90 80 81 23    # VP8 descriptor: X=1 S=1 PID=0; I=1; picture id 0x0123 (M=1, 15 bits)
            10 02 00 9d 01 2a  # VP8 keyframe tag and start code 9d 01 2a
            """);

    /** An Opus packet with an RFC 6464 audio level, just after the sequence number wrapped. */
    static final byte[] OPUS = Hex.bytes("""
            90             # V=2 P=0 X=1 CC=0
            6f             # M=0 PT=111 (Opus)
            00 00          # sequence number 0
            00 00 03 c0    # timestamp 960 (one 20 ms frame at 48 kHz)
            87 65 43 21    # SSRC (top bit set: negative as an int)
            be de 00 01    # one-byte header extension profile, 1 word follows
            10 aa          #   id 1 L=0: audio level, V=1 level=42 (-42 dBov)
            00 00          #   padding
            fc ff fe       # Opus TOC and frame
            """);

    /** A padding-only packet, as a sender probes bandwidth with. */
    static final byte[] PADDING_ONLY = Hex.bytes("""
            a0             # V=2 P=1 X=0 CC=0
            60             # M=0 PT=96
            00 05          # sequence number 5
            00 00 00 00    # timestamp 0
            12 34 56 78    # SSRC
            00 00 00 00    # padding ...
            00 00 00 08    # ... last byte: 8 padding bytes, itself included
            """);

    /** A G.711 packet from a mixer naming its two contributing sources. */
    static final byte[] CSRC = Hex.bytes("""
            82             # V=2 P=0 X=0 CC=2
            08             # M=0 PT=8 (PCMA)
            01 00          # sequence number 256
            ff ff ff ff    # timestamp 4294967295 (unsigned)
            00 00 00 01    # SSRC 1
            aa aa aa aa    # CSRC 0
            bb bb bb bb    # CSRC 1
            d5 d5 d5 d5    # PCMA silence
            """);

    /** Two-byte extensions (RFC 8285 §4.3) and padding in one packet. */
    static final byte[] TWO_BYTE_PADDED = Hex.bytes("""
            b0             # V=2 P=1 X=1 CC=0
            60             # M=0 PT=96
            00 07          # sequence number 7
            00 00 00 00    # timestamp 0
            12 34 56 78    # SSRC
            10 00 00 02    # two-byte header extension profile (appbits 0), 2 words follow
            05 03 aa bb cc #   id 5, 3 bytes
            00             #   a padding byte between elements
            07 00          #   id 7, 0 bytes (allowed in the two-byte form)
            01 02          # payload
            00 02          # padding: 2 bytes
            """);

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsChromeVp8HeaderAndOneByteExtensions() {
        packet.wrap(VP8, 0, VP8.length);

        assertThat(RtpPacket.check(VP8, 0, VP8.length)).isEqualTo(ParseStatus.OK);
        assertThat(packet.version()).isEqualTo(2);
        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequenceNumber()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(90000);
        assertThat(packet.ssrc()).isEqualTo(0x12345678);
        assertThat(packet.extensionProfile()).isEqualTo(HeaderExtensions.ONE_BYTE_PROFILE);
        assertThat(packet.headerLength()).isEqualTo(28);
        assertThat(packet.payloadOffset()).isEqualTo(28);
        assertThat(packet.payloadLength()).isEqualTo(10);

        long twcc = packet.findExtension(3);
        assertThat(HeaderExtensions.offset(twcc)).isEqualTo(21);
        assertThat(HeaderExtensions.length(twcc)).isEqualTo(2);
        assertThat(Bytes.u16(VP8, HeaderExtensions.offset(twcc))).isEqualTo(300);

        long mid = packet.findExtension(4);
        assertThat(new String(VP8, HeaderExtensions.offset(mid), HeaderExtensions.length(mid),
                StandardCharsets.US_ASCII)).isEqualTo("0");
        assertThat(Bytes.u24(VP8, HeaderExtensions.offset(packet.findExtension(2)))).isEqualTo(0x123456);
        assertThat(packet.findExtension(5)).isEqualTo(-1);
    }

    @Test
    void erasingAnExtensionLeavesPaddingAndTheOthersReadable() {
        byte[] copy = VP8.clone();
        packet.wrap(copy, 0, copy.length);

        assertThat(packet.eraseExtension(4)).isTrue();

        assertThat(packet.findExtension(4)).isEqualTo(-1);
        assertThat(Arrays.copyOfRange(copy, 23, 25)).containsOnly(0);
        assertThat(Bytes.u16(copy, HeaderExtensions.offset(packet.findExtension(3)))).isEqualTo(300);
        assertThat(RtpPacket.check(copy, 0, copy.length)).isEqualTo(ParseStatus.OK);
        assertThat(packet.eraseExtension(4)).isFalse();

        byte[] twoByte = TWO_BYTE_PADDED.clone();
        packet.wrap(twoByte, 0, twoByte.length);
        assertThat(packet.eraseExtension(5)).isTrue();
        assertThat(packet.findExtension(5)).isEqualTo(-1);
        assertThat(packet.findExtension(7)).isNotEqualTo(-1);
    }

    @Test
    void oneViewServesTheNextPacketAcrossTheSequenceWrap() {
        int before = packet.wrap(VP8, 0, VP8.length).sequenceNumber();
        packet.wrap(OPUS, 0, OPUS.length);

        assertThat(packet.sequenceNumber()).isZero();
        assertThat(SeqNum.isNewer(packet.sequenceNumber(), before)).isTrue();
        assertThat(packet.ssrc()).isEqualTo(0x87654321);
        assertThat(packet.payloadType()).isEqualTo(111);
        long level = packet.findExtension(1);
        int levelByte = OPUS[HeaderExtensions.offset(level)] & 0xFF;
        assertThat(levelByte >>> 7).as("voice activity").isEqualTo(1);
        assertThat(levelByte & 0x7F).as("-dBov").isEqualTo(42);
        assertThat(packet.payloadOffset()).isEqualTo(20);
        assertThat(packet.payloadLength()).isEqualTo(3);
    }

    @Test
    void paddingOnlyPacketHasNoPayload() {
        packet.wrap(PADDING_ONLY, 0, PADDING_ONLY.length);

        assertThat(packet.isValid()).isTrue();
        assertThat(packet.hasPadding()).isTrue();
        assertThat(packet.paddingLength()).isEqualTo(8);
        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.extensionProfile()).isEqualTo(-1);
        assertThat(packet.findExtension(1)).isEqualTo(-1);
    }

    @Test
    void readsCsrcsAndUnsignedTimestamp() {
        packet.wrap(CSRC, 0, CSRC.length);

        assertThat(packet.isValid()).isTrue();
        assertThat(packet.csrcCount()).isEqualTo(2);
        assertThat(packet.csrc(0)).isEqualTo(0xaaaaaaaa);
        assertThat(packet.csrc(1)).isEqualTo(0xbbbbbbbb);
        assertThat(packet.timestamp()).isEqualTo(0xFFFF_FFFFL);
        assertThat(packet.payloadOffset()).isEqualTo(20);
        assertThat(packet.payloadLength()).isEqualTo(4);
    }

    @Test
    void readsTwoByteExtensionsAndHonoursPadding() {
        packet.wrap(TWO_BYTE_PADDED, 0, TWO_BYTE_PADDED.length);

        assertThat(packet.isValid()).isTrue();
        long five = packet.findExtension(5);
        assertThat(HeaderExtensions.offset(five)).isEqualTo(18);
        assertThat(HeaderExtensions.length(five)).isEqualTo(3);
        long seven = packet.findExtension(7);
        assertThat(HeaderExtensions.offset(seven)).isEqualTo(24);
        assertThat(HeaderExtensions.length(seven)).isZero();
        assertThat(packet.payloadOffset()).isEqualTo(24);
        assertThat(packet.payloadLength()).isEqualTo(2);
    }

    @Test
    void readsAPacketAtAnOffsetInALargerBuffer() {
        byte[] pooled = new byte[200];
        System.arraycopy(OPUS, 0, pooled, 64, OPUS.length);
        packet.wrap(pooled, 64, OPUS.length);

        assertThat(packet.isValid()).isTrue();
        assertThat(packet.payloadOffset()).isEqualTo(84);
        assertThat(HeaderExtensions.offset(packet.findExtension(1))).isEqualTo(81);
    }

    @Test
    void settersRewriteTheHeaderInPlace() {
        byte[] copy = VP8.clone();
        packet.wrap(copy, 0, copy.length);

        packet.setSequenceNumber(65536 + 9);
        packet.setTimestamp(0xFFFF_FFFEL);
        packet.setSsrc(0xCAFEBABE);
        packet.setMarker(false);
        packet.setPayloadType(100);

        assertThat(packet.sequenceNumber()).isEqualTo(9);
        assertThat(packet.timestamp()).isEqualTo(0xFFFF_FFFEL);
        assertThat(packet.ssrc()).isEqualTo(0xCAFEBABE);
        assertThat(packet.marker()).isFalse();
        assertThat(packet.payloadType()).isEqualTo(100);
        assertThat(packet.hasExtension()).isTrue();
        assertThat(Arrays.copyOfRange(copy, 12, copy.length)).isEqualTo(Arrays.copyOfRange(VP8, 12, VP8.length));
    }

    @Test
    void rejectsTruncatedAndMalformedPackets() {
        assertThat(RtpPacket.check(VP8, 0, 11)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(RtpPacket.check(VP8, 0, 18)).as("cut inside the extension").isEqualTo(ParseStatus.EXTENSION_OVERRUN);
        assertThat(RtpPacket.check(CSRC, 0, 16)).as("cut inside the CSRC list").isEqualTo(ParseStatus.CSRC_OVERRUN);

        byte[] version1 = VP8.clone();
        version1[0] = 0x50; // V=1
        assertThat(RtpPacket.check(version1, 0, version1.length)).isEqualTo(ParseStatus.BAD_VERSION);

        byte[] longExtension = VP8.clone();
        longExtension[15] = 0x09; // extension length 9 words: past the end
        assertThat(RtpPacket.check(longExtension, 0, longExtension.length)).isEqualTo(ParseStatus.EXTENSION_OVERRUN);

        byte[] longElement = VP8.clone();
        longElement[23] = 0x4f; // id 4 L=15: 16 bytes in a 3-byte remainder
        assertThat(RtpPacket.check(longElement, 0, longElement.length)).isEqualTo(ParseStatus.EXTENSION_OVERRUN);

        byte[] bigPadding = PADDING_ONLY.clone();
        bigPadding[bigPadding.length - 1] = 9; // 9 padding bytes after a 12-byte header in 20
        assertThat(RtpPacket.check(bigPadding, 0, bigPadding.length)).isEqualTo(ParseStatus.BAD_PADDING);
        bigPadding[bigPadding.length - 1] = 0;
        assertThat(RtpPacket.check(bigPadding, 0, bigPadding.length)).isEqualTo(ParseStatus.BAD_PADDING);

        assertThat(RtpPacket.check(VP8, 30, 20)).as("range past the buffer").isEqualTo(ParseStatus.TOO_SHORT);
    }
}
