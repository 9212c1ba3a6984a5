package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class ByePacketTest {

    static final byte[] BYE = Hex.bytes("""
            82 cb 00 04    # BYE: V=2 P=0 SC=2, PT=203, length 4 (20 bytes)
            12 34 56 78    # SSRC leaving
            87 65 43 21    # SSRC leaving
            04 6c 65 66 74 # reason: 4 bytes, "left"
            00 00 00       # padding to 32 bits
            """);

    private final ByePacket bye = new ByePacket();

    @Test
    void readsSsrcsAndReason() {
        assertThat(bye.wrap(BYE, 0, BYE.length)).isEqualTo(ParseStatus.OK);
        assertThat(bye.ssrcCount()).isEqualTo(2);
        assertThat(bye.ssrc(0)).isEqualTo(0x12345678);
        assertThat(bye.ssrc(1)).isEqualTo(0x87654321);
        assertThat(new String(BYE, bye.reasonOffset(), bye.reasonLength(), StandardCharsets.UTF_8)).isEqualTo("left");
    }

    @Test
    void aByeWithoutReasonHasNone() {
        byte[] plain = Hex.bytes("""
                a1 cb 00 02    # BYE: V=2 P=1 SC=1, PT=203, length 2 (12 bytes)
                12 34 56 78    # SSRC leaving
                00 00 00 04    # padding: 4 bytes
                """);
        assertThat(bye.wrap(plain, 0, plain.length)).isEqualTo(ParseStatus.OK);
        assertThat(bye.reasonOffset()).isEqualTo(-1);
        assertThat(bye.reasonLength()).isEqualTo(-1);
    }

    @Test
    void rejectsSsrcsOrReasonPastThePacket() {
        byte[] manySsrcs = BYE.clone();
        manySsrcs[0] = (byte) 0x85; // SC=5
        assertThat(bye.wrap(manySsrcs, 0, manySsrcs.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        byte[] longReason = BYE.clone();
        longReason[12] = 0x09; // reason of 9 bytes in 8
        assertThat(bye.wrap(longReason, 0, longReason.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
    }
}
