package org.metrohub.media.sfu.feedback;

import org.metrohub.media.testing.Hex;
import org.metrohub.media.rtp.RtpPacket;

/** RTP packets for the feedback tests, built to RFC 3550 §5.1 and RFC 8285. */
final class Packets {
    static final int TRANSPORT_CC_ID = 3;
    static final int VP8 = 96;
    static final int VP8_RTX = 97;

    /** A VP8 packet as Chrome sends it, with a transport-wide sequence number and 4 bytes of padding. */
    static final byte[] VP8_PADDED = Hex.bytes("""
            b0 e0 1f 40    # V=2 P=1 X=1 CC=0, M=1 PT=96, sequence number 8000
            00 0d bb a0    # timestamp 900000
            5a 1b 2c 3d    # SSRC
            be de 00 01    # one-byte header extensions (RFC 8285 §4.2), 1 word
            31 04 d2 00    #   id 3 transport-wide-cc, 2 bytes: 1234; padding
            90 80 81 2c    # VP8 payload descriptor: X=1 S=1, I=1, picture id 0x012c
            de ad be ef    # VP8 payload
            00 00 00 04    # padding: 4 bytes
            """);

    private Packets() {
    }

    /** {@link #VP8_PADDED} with sequence number {@code seq} and transport-wide sequence number {@code twcc}. */
    static byte[] vp8(int seq, int twcc) {
        byte[] packet = VP8_PADDED.clone();
        new RtpPacket().wrap(packet, 0, packet.length).setSequenceNumber(seq);
        packet[17] = (byte) (twcc >>> 8);
        packet[18] = (byte) twcc;
        return packet;
    }
}
