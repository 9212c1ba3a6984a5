package org.metrohub.media.sfu.bwe;

import org.metrohub.media.testing.Hex;

/** REMB packets (draft-alvestrand-rmcat-remb-03 §2.2) for the tests. */
final class RembPacketBytes {
    private RembPacketBytes() {
    }

    static final byte[] REMB_300K = Hex.bytes("""
            8f ce 00 05    # PSFB: V=2 P=0 FMT=15 (application layer), PT=206, length 5 (24 bytes)
            11 22 33 44    # sender SSRC
            00 00 00 00    # media SSRC: 0
            52 45 4d 42    # "REMB"
            01             # number of SSRCs 1
            06 49 f0       # exponent 1 (bits 000001), mantissa 150000 (0x249f0): 300000 b/s
            55 66 77 88    # SSRC the estimate applies to
            """);
}
