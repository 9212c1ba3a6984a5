package org.metrohub.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.testing.Hex;
import org.junit.jupiter.api.Test;

/** VP9 payload descriptors built to RFC 9628 §4.2 (and §4.2.1 for the scalability structure). */
class Vp9PayloadTest {

    /** Non-flexible mode keyframe with a scalability structure, as libwebrtc sends the first packet of one. */
    static final byte[] KEYFRAME_SS = Hex.bytes("""
            ae             # I=1 P=0 L=1 F=0 B=1 E=1 V=1 Z=0
            80 01          # M=1 PICTURE ID 1 (15 bits)
            00             # TID=0 U=0 SID=0 D=0
            07             # TL0PICIDX 7
            18             # SS: N_S=0 (one spatial layer) Y=1 G=1
            02 80 01 68    #   WIDTH 640, HEIGHT 360
            01             #   N_G=1
            00             #   TID=0 U=0 R=0 (no P_DIFF)
            82 49 83 42 00 # VP9 uncompressed header: frame marker, sync code
            """);

    /** Non-flexible mode inter frame in temporal layer 1. */
    static final byte[] INTER_TL1 = Hex.bytes("""
            ec             # I=1 P=1 L=1 F=0 B=1 E=1 V=0 Z=0
            80 02          # PICTURE ID 2
            20             # TID=1 U=0 SID=0 D=0
            07             # TL0PICIDX 7
            86 00 40       # frame data
            """);

    /** Flexible mode (SVC) inter frame in spatial layer 1 with two reference P_DIFFs. */
    static final byte[] FLEXIBLE_SL1 = Hex.bytes("""
            f8             # I=1 P=1 L=1 F=1 B=1 E=0 V=0 Z=0
            05             # M=0 PICTURE ID 5 (7 bits)
            03             # TID=0 U=0 SID=1 D=1
            03             # P_DIFF=1 N=1 (another follows)
            04             # P_DIFF=2 N=0
            aa bb          # frame data
            """);

    /** Flexible mode, spatial layer 1 of a keyframe: predicted only from layer 0 (P=0), not a switch point. */
    static final byte[] FLEXIBLE_KEY_SL1 = Hex.bytes("""
            b8             # I=1 P=0 L=1 F=1 B=1 E=0 V=0 Z=0
            05             # PICTURE ID 5
            03             # TID=0 U=0 SID=1 D=1
            aa             # frame data
            """);

    /** A keyframe start without layer indices: spatial layer 0 by implication. */
    static final byte[] KEYFRAME_NO_LAYERS = Hex.bytes("""
            88             # I=1 P=0 L=0 F=0 B=1 E=0 V=0 Z=0
            12             # PICTURE ID 0x12
            82 49 83 42    # frame
            """);

    /** The second packet of a keyframe: B=0. */
    static final byte[] KEYFRAME_CONTINUATION = Hex.bytes("""
            a4             # I=1 P=0 L=1 F=0 B=0 E=1 V=0 Z=0
            80 01          # PICTURE ID 1
            00 07          # TID/U/SID/D, TL0PICIDX
            55 66          # frame data
            """);

    @Test
    void nonFlexibleKeyframeWithScalabilityStructure() {
        assertThat(Vp9Payload.check(KEYFRAME_SS, 0, KEYFRAME_SS.length)).isEqualTo(ParseStatus.OK);
        assertThat(Vp9Payload.isKeyframe(KEYFRAME_SS, 0, KEYFRAME_SS.length)).isTrue();
        assertThat(Vp9Payload.isStartOfLayerFrame(KEYFRAME_SS, 0, KEYFRAME_SS.length)).isTrue();
        assertThat(Vp9Payload.pictureId(KEYFRAME_SS, 0, KEYFRAME_SS.length)).isEqualTo(1);
        assertThat(Vp9Payload.spatialLayer(KEYFRAME_SS, 0, KEYFRAME_SS.length)).isZero();
        assertThat(Vp9Payload.temporalLayer(KEYFRAME_SS, 0, KEYFRAME_SS.length)).isZero();
    }

    @Test
    void interFrameIsNotAKeyframe() {
        assertThat(Vp9Payload.check(INTER_TL1, 0, INTER_TL1.length)).isEqualTo(ParseStatus.OK);
        assertThat(Vp9Payload.isKeyframe(INTER_TL1, 0, INTER_TL1.length)).isFalse();
        assertThat(Vp9Payload.temporalLayer(INTER_TL1, 0, INTER_TL1.length)).isEqualTo(1);
        assertThat(Vp9Payload.pictureId(INTER_TL1, 0, INTER_TL1.length)).isEqualTo(2);
    }

    @Test
    void flexibleModeReadsLayersAfterThePictureIdAndWalksPDiffs() {
        assertThat(Vp9Payload.check(FLEXIBLE_SL1, 0, FLEXIBLE_SL1.length)).isEqualTo(ParseStatus.OK);
        assertThat(Vp9Payload.spatialLayer(FLEXIBLE_SL1, 0, FLEXIBLE_SL1.length)).isEqualTo(1);
        assertThat(Vp9Payload.pictureId(FLEXIBLE_SL1, 0, FLEXIBLE_SL1.length)).isEqualTo(5);
        assertThat(Vp9Payload.isKeyframe(FLEXIBLE_SL1, 0, FLEXIBLE_SL1.length)).isFalse();
        assertThat(Vp9Payload.check(FLEXIBLE_SL1, 0, 5)).as("P_DIFFs, no payload").isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(Vp9Payload.check(FLEXIBLE_SL1, 0, 4)).as("N=1 but no next P_DIFF").isEqualTo(ParseStatus.TOO_SHORT);
    }

    @Test
    void upperSpatialLayerOfAKeyframeIsNotASwitchPoint() {
        assertThat(Vp9Payload.check(FLEXIBLE_KEY_SL1, 0, FLEXIBLE_KEY_SL1.length)).isEqualTo(ParseStatus.OK);
        assertThat(Vp9Payload.isKeyframe(FLEXIBLE_KEY_SL1, 0, FLEXIBLE_KEY_SL1.length)).isFalse();
    }

    @Test
    void keyframeWithoutLayerIndicesIsSpatialLayerZero() {
        assertThat(Vp9Payload.isKeyframe(KEYFRAME_NO_LAYERS, 0, KEYFRAME_NO_LAYERS.length)).isTrue();
        assertThat(Vp9Payload.spatialLayer(KEYFRAME_NO_LAYERS, 0, KEYFRAME_NO_LAYERS.length)).isEqualTo(-1);
        assertThat(Vp9Payload.pictureId(KEYFRAME_NO_LAYERS, 0, KEYFRAME_NO_LAYERS.length)).isEqualTo(0x12);
    }

    @Test
    void keyframeContinuationIsNotAStart() {
        assertThat(Vp9Payload.check(KEYFRAME_CONTINUATION, 0, KEYFRAME_CONTINUATION.length)).isEqualTo(ParseStatus.OK);
        assertThat(Vp9Payload.isKeyframe(KEYFRAME_CONTINUATION, 0, KEYFRAME_CONTINUATION.length)).isFalse();
        assertThat(Vp9Payload.isStartOfLayerFrame(KEYFRAME_CONTINUATION, 0, KEYFRAME_CONTINUATION.length)).isFalse();
    }

    @Test
    void rejectsEveryTruncationOfTheScalabilityStructure() {
        // The descriptor is 12 bytes: every shorter cut is inside it.
        for (int cut = 1; cut < 12; cut++) {
            assertThat(Vp9Payload.check(KEYFRAME_SS, 0, cut)).as("cut at %d", cut).isEqualTo(ParseStatus.TOO_SHORT);
            assertThat(Vp9Payload.isKeyframe(KEYFRAME_SS, 0, cut)).isFalse();
        }
        assertThat(Vp9Payload.check(KEYFRAME_SS, 0, 12)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(Vp9Payload.check(KEYFRAME_SS, 0, 0)).isEqualTo(ParseStatus.TOO_SHORT);
    }

    @Test
    void rejectsMoreThanThreeReferences() {
        byte[] fourRefs = Hex.bytes("""
                d0             # I=1 P=1 L=0 F=1 B=0
                05             # PICTURE ID 5
                03 05 07 09    # P_DIFF 1, 2, 3 with N=1, then a fourth
                aa
                """);
        assertThat(Vp9Payload.check(fourRefs, 0, fourRefs.length)).isEqualTo(ParseStatus.BAD_FIELD);
    }

    @Test
    void scalabilityStructureWithReferencesInThePictureGroup() {
        byte[] ss = Hex.bytes("""
                8a             # I=1 P=0 L=0 F=0 B=1 E=0 V=1 Z=0
                01             # PICTURE ID 1
                28             # SS: N_S=1 (two spatial layers) Y=0 G=1
                02             # N_G=2
                04 01          #   TID=0 U=0 R=1, P_DIFF 1
                28 01 02       #   TID=1 U=0 R=2, P_DIFF 1, 2
                82 49 83 42    # frame
                """);
        assertThat(Vp9Payload.check(ss, 0, ss.length)).isEqualTo(ParseStatus.OK);
        assertThat(Vp9Payload.isKeyframe(ss, 0, ss.length)).isTrue();
        assertThat(Vp9Payload.check(ss, 0, 8)).as("cut in the second group's P_DIFFs").isEqualTo(ParseStatus.TOO_SHORT);
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(9628);
        byte[] b = new byte[40];
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(b);
            int len = random.nextInt(b.length + 1);
            assertThatCode(() -> {
                Vp9Payload.check(b, 0, len);
                Vp9Payload.isKeyframe(b, 0, len);
                Vp9Payload.spatialLayer(b, 0, len);
                Vp9Payload.temporalLayer(b, 0, len);
                Vp9Payload.pictureId(b, 0, len);
            }).doesNotThrowAnyException();
        }
        assertThat(Vp9Payload.check(null, 0, 1)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp9Payload.check(b, 39, 2)).isEqualTo(ParseStatus.TOO_SHORT);
    }
}
