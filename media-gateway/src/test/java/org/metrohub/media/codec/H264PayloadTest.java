package org.metrohub.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.testing.Hex;
import org.junit.jupiter.api.Test;

/** H.264 RTP payloads built to RFC 6184 §5.6 (single NAL unit), §5.7.1 (STAP-A) and §5.8 (FU-A). */
class H264PayloadTest {

    /** Constrained baseline 3.1 SPS, PPS and an IDR slice, as a camera's keyframe starts. */
    static final byte[] SPS = Hex.bytes("67 42 c0 1f da 02 80 bf e5 c0 44 00 00 03 00 04 00 00 03 00 f0 3c 60 c9 20");
    static final byte[] PPS = Hex.bytes("68 ce 3c 80");

    static final byte[] IDR = Hex.bytes("""
            65             # F=0 NRI=3 Type=5: coded slice of an IDR picture
            88 84 00 33 ff # slice header and data
            """);

    static final byte[] NON_IDR = Hex.bytes("""
            41             # F=0 NRI=2 Type=1: coded slice of a non-IDR picture
            9a 24 6c 41 7f # slice data
            """);

    static final byte[] STAP_A_SPS_PPS = Hex.bytes("""
            78             # F=0 NRI=3 Type=24: STAP-A
            00 19          # NALU 1 size: 25
            67 42 c0 1f da 02 80 bf e5 c0 44 00 00 03 00 04 00 00 03 00 f0 3c 60 c9 20  # SPS
            00 04          # NALU 2 size: 4
            68 ce 3c 80    # PPS
            """);

    static final byte[] STAP_A_SEI_PPS = Hex.bytes("""
            78             # STAP-A
            00 03          # NALU 1 size: 3
            06 05 01       # SEI (type 6)
            00 04          # NALU 2 size: 4
            68 ce 3c 80    # PPS
            """);

    static final byte[] FU_A_IDR_START = Hex.bytes("""
            7c             # FU indicator: F=0 NRI=3 Type=28 (FU-A)
            85             # FU header: S=1 E=0 R=0 Type=5 (IDR)
            88 84 00 33    # first fragment of the IDR slice
            """);

    static final byte[] FU_A_IDR_MIDDLE = Hex.bytes("""
            7c             # FU-A
            05             # S=0 E=0 Type=5
            de ad be ef    # fragment
            """);

    static final byte[] FU_A_NON_IDR_START = Hex.bytes("""
            5c             # FU indicator: NRI=2 Type=28
            81             # S=1 E=0 Type=1 (non-IDR)
            9a 24          # fragment
            """);

    @Test
    void idrAndSpsSingleNalUnitsAreKeyframes() {
        assertThat(H264Payload.check(IDR, 0, IDR.length)).isEqualTo(ParseStatus.OK);
        assertThat(H264Payload.isKeyframe(IDR, 0, IDR.length)).isTrue();
        assertThat(H264Payload.nalType(IDR, 0, IDR.length)).isEqualTo(H264Payload.NAL_IDR);
        assertThat(H264Payload.isKeyframe(SPS, 0, SPS.length)).isTrue();
        assertThat(H264Payload.nalType(SPS, 0, SPS.length)).isEqualTo(H264Payload.NAL_SPS);
    }

    @Test
    void nonIdrSliceAndPpsAreNotKeyframes() {
        assertThat(H264Payload.check(NON_IDR, 0, NON_IDR.length)).isEqualTo(ParseStatus.OK);
        assertThat(H264Payload.isKeyframe(NON_IDR, 0, NON_IDR.length)).isFalse();
        assertThat(H264Payload.nalType(NON_IDR, 0, NON_IDR.length)).isEqualTo(1);
        assertThat(H264Payload.isKeyframe(PPS, 0, PPS.length)).isFalse();
    }

    @Test
    void stapAWithAnSpsIsAKeyframeAndOneWithoutIsNot() {
        assertThat(H264Payload.check(STAP_A_SPS_PPS, 0, STAP_A_SPS_PPS.length)).isEqualTo(ParseStatus.OK);
        assertThat(H264Payload.isKeyframe(STAP_A_SPS_PPS, 0, STAP_A_SPS_PPS.length)).isTrue();
        assertThat(H264Payload.nalType(STAP_A_SPS_PPS, 0, STAP_A_SPS_PPS.length)).isEqualTo(H264Payload.NAL_SPS);

        assertThat(H264Payload.check(STAP_A_SEI_PPS, 0, STAP_A_SEI_PPS.length)).isEqualTo(ParseStatus.OK);
        assertThat(H264Payload.isKeyframe(STAP_A_SEI_PPS, 0, STAP_A_SEI_PPS.length)).isFalse();
    }

    @Test
    void stapAFindsTheIdrInItsLastUnit() {
        byte[] stap = Hex.bytes("""
                78             # STAP-A
                00 04 68 ce 3c 80       # PPS
                00 06 65 88 84 00 33 ff # IDR slice
                """);
        assertThat(H264Payload.isKeyframe(stap, 0, stap.length)).isTrue();
    }

    @Test
    void onlyTheFirstFuAFragmentOfAnIdrIsAKeyframe() {
        assertThat(H264Payload.check(FU_A_IDR_START, 0, FU_A_IDR_START.length)).isEqualTo(ParseStatus.OK);
        assertThat(H264Payload.isKeyframe(FU_A_IDR_START, 0, FU_A_IDR_START.length)).isTrue();
        assertThat(H264Payload.nalType(FU_A_IDR_START, 0, FU_A_IDR_START.length)).isEqualTo(H264Payload.NAL_IDR);
        assertThat(H264Payload.isKeyframe(FU_A_IDR_MIDDLE, 0, FU_A_IDR_MIDDLE.length)).isFalse();
        assertThat(H264Payload.isKeyframe(FU_A_NON_IDR_START, 0, FU_A_NON_IDR_START.length)).isFalse();
    }

    @Test
    void readsAPayloadAtAnOffset() {
        byte[] pooled = new byte[64];
        System.arraycopy(FU_A_IDR_START, 0, pooled, 30, FU_A_IDR_START.length);
        assertThat(H264Payload.isKeyframe(pooled, 30, FU_A_IDR_START.length)).isTrue();
    }

    @Test
    void rejectsTruncatedAggregatesAndFragments() {
        assertThat(H264Payload.check(IDR, 0, 0)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(H264Payload.check(STAP_A_SPS_PPS, 0, 1)).as("STAP-A with no unit").isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.check(STAP_A_SPS_PPS, 0, 2)).as("cut in a size").isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.check(STAP_A_SPS_PPS, 0, 20)).as("cut in the SPS").isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.check(STAP_A_SPS_PPS, 0, STAP_A_SPS_PPS.length - 1)).as("cut in the PPS")
                .isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.isKeyframe(STAP_A_SPS_PPS, 0, 20)).isFalse();
        byte[] zeroSize = Hex.bytes("78 00 00 00 04 68 ce 3c 80");
        assertThat(H264Payload.check(zeroSize, 0, zeroSize.length)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.check(FU_A_IDR_START, 0, 1)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.check(FU_A_IDR_START, 0, 2)).as("no fragment byte").isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(H264Payload.isKeyframe(FU_A_IDR_START, 0, 2)).isFalse();
    }

    @Test
    void rejectsFuAThatStartsAndEndsAndReservedOrInterleavedTypes() {
        byte[] startAndEnd = Hex.bytes("7c c5 88 84");  // S=1 E=1: forbidden by §5.8
        assertThat(H264Payload.check(startAndEnd, 0, startAndEnd.length)).isEqualTo(ParseStatus.BAD_FIELD);
        assertThat(H264Payload.isKeyframe(startAndEnd, 0, startAndEnd.length)).isFalse();
        for (int type : new int[] {0, 30, 31}) {
            byte[] p = {(byte) (0x60 | type), 1, 2};
            assertThat(H264Payload.check(p, 0, p.length)).as("type %d", type).isEqualTo(ParseStatus.BAD_FIELD);
        }
        for (int type : new int[] {25, 26, 27, 29}) {
            byte[] p = {(byte) (0x60 | type), 0, 1, 2, 3, 4};
            assertThat(H264Payload.check(p, 0, p.length)).as("type %d", type).isEqualTo(ParseStatus.WRONG_TYPE);
            assertThat(H264Payload.nalType(p, 0, p.length)).isEqualTo(-1);
        }
    }

    @Test
    void rejectsBoundsOutsideTheBuffer() {
        assertThat(H264Payload.check(IDR, 3, IDR.length)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(H264Payload.check(IDR, -1, 2)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(H264Payload.check(null, 0, 2)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(H264Payload.isKeyframe(IDR, 1, Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(6184);
        byte[] b = new byte[32];
        int keyframes = 0;
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(b);
            if (i % 2 == 0) {
                b[0] = (byte) (b[0] & 0xE0 | 24); // STAP-A: the type with a walk
            }
            int len = random.nextInt(b.length + 1);
            ParseStatus[] status = new ParseStatus[1];
            assertThatCode(() -> status[0] = H264Payload.check(b, 0, len)).doesNotThrowAnyException();
            boolean[] key = new boolean[1];
            assertThatCode(() -> {
                key[0] = H264Payload.isKeyframe(b, 0, len);
                H264Payload.nalType(b, 0, len);
            }).doesNotThrowAnyException();
            if (key[0]) {
                keyframes++;
                assertThat(status[0]).isEqualTo(ParseStatus.OK);
            }
        }
        assertThat(keyframes).isPositive();
    }
}
