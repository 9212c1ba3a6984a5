package org.metrohub.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.testing.Hex;

class ReceiverReportTest {

    static final byte[] RR = Hex.bytes("""
            82 c9 00 0d    # RR: V=2 P=0 RC=2, PT=201, length 13 (56 bytes)
            de ad be ef    # sender SSRC
            11 11 11 11    # block 1: SSRC of source
            40             #   fraction lost 64/256 (25 %)
            00 00 64       #   cumulative lost 100
            00 02 00 00    #   extended highest seq: 2 cycles, seq 0 (just wrapped)
            00 00 01 00    #   jitter 256
            00 00 00 00    #   LSR: no SR received yet
            00 00 00 00    #   DLSR
            22 22 22 22    # block 2: SSRC of source
            00             #   fraction lost 0
            ff ff ff       #   cumulative lost -1
            00 00 13 88    #   extended highest seq: 0 cycles, seq 5000
            00 00 00 05    #   jitter 5
            12 34 56 78    #   LSR
            00 01 00 00    #   DLSR 1 s
            """);

    @Test
    void readsTwoReportBlocks() {
        ReceiverReport rr = new ReceiverReport();
        ReportBlock block = new ReportBlock();

        assertThat(rr.wrap(RR, 0, RR.length)).isEqualTo(ParseStatus.OK);
        assertThat(rr.senderSsrc()).isEqualTo(0xdeadbeef);
        assertThat(rr.reportCount()).isEqualTo(2);

        rr.block(0, block);
        assertThat(block.ssrc()).isEqualTo(0x11111111);
        assertThat(block.fractionLost()).isEqualTo(64);
        assertThat(block.cumulativeLost()).isEqualTo(100);
        assertThat(block.extendedHighestSeq() >>> 16).as("cycles").isEqualTo(2);
        assertThat(block.extendedHighestSeq() & 0xFFFF).as("seq").isZero();
        assertThat(block.jitter()).isEqualTo(256);

        rr.block(1, block);
        assertThat(block.ssrc()).isEqualTo(0x22222222);
        assertThat(block.cumulativeLost()).isEqualTo(-1);
        assertThat(block.extendedHighestSeq()).isEqualTo(5000);
        assertThat(block.lastSr()).isEqualTo(0x12345678L);
        assertThat(block.delaySinceLastSr()).isEqualTo(65536);
    }

    @Test
    void writesTheSameBytes() {
        byte[] out = new byte[100];
        int length = ReceiverReport.writeHeader(out, 10, 0xdeadbeef, 2);
        ReportBlock.write(out, ReceiverReport.blockOffset(10, 0), 0x11111111, 64, 100, 0x2_0000L, 256, 0, 0);
        ReportBlock.write(out, ReceiverReport.blockOffset(10, 1), 0x22222222, 0, -1, 5000, 5, 0x12345678L, 65536);

        assertThat(length).isEqualTo(56);
        assertThat(Arrays.copyOfRange(out, 10, 10 + length)).isEqualTo(RR);
        assertThat(ReceiverReport.writeHeader(new byte[40], 0, 1, 2)).as("no room").isEqualTo(-1);
    }

    @Test
    void clampsCumulativeLostTo24Bits() {
        byte[] out = new byte[ReportBlock.LENGTH];
        ReportBlock.write(out, 0, 1, 0, -10_000_000, 0, 0, 0, 0);
        assertThat(new ReportBlock().wrap(out, 0).cumulativeLost()).isEqualTo(-0x80_0000);
    }

    @Test
    void rejectsABlockCountTheLengthCannotHold() {
        byte[] cut = RR.clone();
        cut[3] = 0x07; // length 7: room for one block, RC still says two
        assertThat(new ReceiverReport().wrap(cut, 0, 32)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(new ReceiverReport().wrap(RR, 0, 40)).isEqualTo(ParseStatus.LENGTH_OVERRUN);
    }
}
