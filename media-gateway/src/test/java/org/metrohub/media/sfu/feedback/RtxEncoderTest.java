package org.metrohub.media.sfu.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;

class RtxEncoderTest {
    private final RtxEncoder rtx = new RtxEncoder(0x0a0b0c0d, 65535).associate(Packets.VP8, Packets.VP8_RTX);
    private final RtpPacket original = new RtpPacket().wrap(Packets.VP8_PADDED, 0, Packets.VP8_PADDED.length);
    private final byte[] out = new byte[64];

    @Test
    void carriesTheOriginalSequenceNumberAndPayloadUnderTheRtxStream() {
        int length = rtx.encode(original, out, 0);

        // RFC 4588 §4: header as the original's but PT, SSRC and sequence number; OSN; payload; no padding
        assertThat(Arrays.copyOf(out, length)).isEqualTo(Hex.bytes("""
                90 e1 ff ff    # V=2 P=0 X=1 CC=0, M=1 PT=97 (RTX), RTX sequence number 65535
                00 0d bb a0    # timestamp 900000, as the original
                0a 0b 0c 0d    # RTX SSRC
                be de 00 01    # the original's header extensions
                31 04 d2 00
                1f 40          # OSN 8000
                90 80 81 2c    # the original payload
                de ad be ef
                """));
        assertThat(RtpPacket.check(out, 0, length)).isEqualTo(ParseStatus.OK);
        assertThat(RtxEncoder.originalSequenceNumber(new RtpPacket().wrap(out, 0, length))).isEqualTo(8000);
    }

    @Test
    void numbersItsOwnPacketsAcrossTheWrap() {
        rtx.encode(original, out, 0);
        int length = rtx.encode(original, out, 0);

        RtpPacket second = new RtpPacket().wrap(out, 0, length);
        assertThat(second.sequenceNumber()).isZero();
        assertThat(RtxEncoder.originalSequenceNumber(second)).isEqualTo(8000);
        assertThat(rtx.nextSequenceNumber()).isEqualTo(1);
        assertThat(rtx.encoded()).isEqualTo(2);
    }

    @Test
    void refusesPayloadTypesWithoutRtxAndBuffersWithoutRoom() {
        byte[] opus = Packets.VP8_PADDED.clone();
        new RtpPacket().wrap(opus, 0, opus.length).setPayloadType(111);

        assertThat(rtx.encode(new RtpPacket().wrap(opus, 0, opus.length), out, 0))
                .isEqualTo(RtxEncoder.NO_RTX_PAYLOAD_TYPE);
        assertThat(rtx.encode(original, new byte[29], 0)).isEqualTo(RtxEncoder.NO_ROOM);
        assertThat(rtx.covers(111)).isFalse();
        assertThat(rtx.nextSequenceNumber()).as("nothing taken").isEqualTo(65535);
    }
}
