package org.metrohub.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.Random;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.testing.Hex;
import org.junit.jupiter.api.Test;

/** VP8 payload descriptors and payload headers built to RFC 7741 §4.2–4.3 (and RFC 6386 §9.1 for keyframes). */
class Vp8PayloadTest {

    /** A keyframe start as Chrome sends it: every optional field, 15-bit PictureID. */
    static final byte[] KEYFRAME = Hex.bytes("""
            90             # X=1 R=0 N=0 S=1 R=0 PID=0
            e0             # I=1 L=1 T=1 K=0 RSV=0
            81 23          # M=1 PictureID 0x0123 (15 bits)
            05             # TL0PICIDX 5
            20             # TID=0 Y=1 KEYIDX=0
            10 02 00       # payload header: Size0=0 H=1 VER=0 P=0 (keyframe), Size1, Size2
            9d 01 2a       # keyframe start code
            80 02          # width 640, horizontal scale 0 (little-endian)
            68 01          # height 360, vertical scale 0
            """);

    /** A delta frame start with a 7-bit PictureID and nothing else. */
    static final byte[] DELTA_7BIT = Hex.bytes("""
            90             # X=1 S=1 PID=0
            80             # I=1 L=0 T=0 K=0
            45             # M=0 PictureID 0x45 (7 bits)
            31 40 01       # payload header: Size0=1 H=1 VER=0 P=1 (inter frame)
            aa bb          # frame data
            """);

    /** A non-reference frame in temporal layer 2 with a key index, the second partition (PID=1). */
    static final byte[] TL2_PARTITION_1 = Hex.bytes("""
            b1             # X=1 N=1 S=1 PID=1
            f0             # I=1 L=1 T=1 K=1
            ff ff          # M=1 PictureID 0x7fff (the largest)
            ff             # TL0PICIDX 255
            83             # TID=2 Y=0 KEYIDX=3
            00 11 22       # partition 1 data (no payload header: PID != 0)
            """);

    /** The middle of a frame: no extension, S=0. */
    static final byte[] CONTINUATION = Hex.bytes("""
            00             # X=0 N=0 S=0 PID=0
            12 34 56       # frame data
            """);

    /** The minimal keyframe start: a one-byte descriptor, then the keyframe header. */
    static final byte[] MINIMAL_KEYFRAME = Hex.bytes("""
            10             # X=0 S=1 PID=0
            50 03 00 9d 01 2a 40 01 f0 00   # P=0, start code, 320x240
            """);

    private final Vp8Payload vp8 = new Vp8Payload();

    @Test
    void readsEveryFieldOfAChromeKeyframeStart() {
        assertThat(Vp8Payload.check(KEYFRAME, 0, KEYFRAME.length)).isEqualTo(ParseStatus.OK);
        vp8.wrap(KEYFRAME, 0, KEYFRAME.length);

        assertThat(vp8.descriptorLength()).isEqualTo(6);
        assertThat(vp8.isStartOfPartition()).isTrue();
        assertThat(vp8.partitionIndex()).isZero();
        assertThat(vp8.isStartOfFrame()).isTrue();
        assertThat(vp8.isNonReference()).isFalse();
        assertThat(vp8.isKeyframe()).isTrue();
        assertThat(vp8.hasPictureId()).isTrue();
        assertThat(vp8.hasLongPictureId()).isTrue();
        assertThat(vp8.pictureIdMask()).isEqualTo(0x7FFF);
        assertThat(vp8.pictureId()).isEqualTo(0x0123);
        assertThat(vp8.tl0PicIdx()).isEqualTo(5);
        assertThat(vp8.temporalLayer()).isZero();
        assertThat(vp8.isLayerSync()).isTrue();
        assertThat(vp8.keyIndex()).as("K=0").isEqualTo(-1);
        assertThat(vp8.keyframeWidth()).isEqualTo(640);
        assertThat(vp8.keyframeHeight()).isEqualTo(360);
        assertThat(Vp8Payload.isKeyframe(KEYFRAME, 0, KEYFRAME.length)).isTrue();
    }

    @Test
    void readsASevenBitPictureIdDeltaFrame() {
        assertThat(Vp8Payload.check(DELTA_7BIT, 0, DELTA_7BIT.length)).isEqualTo(ParseStatus.OK);
        vp8.wrap(DELTA_7BIT, 0, DELTA_7BIT.length);

        assertThat(vp8.descriptorLength()).isEqualTo(3);
        assertThat(vp8.hasLongPictureId()).isFalse();
        assertThat(vp8.pictureIdMask()).isEqualTo(0x7F);
        assertThat(vp8.pictureId()).isEqualTo(0x45);
        assertThat(vp8.hasTl0PicIdx()).isFalse();
        assertThat(vp8.tl0PicIdx()).isEqualTo(-1);
        assertThat(vp8.temporalLayer()).isEqualTo(-1);
        assertThat(vp8.isStartOfFrame()).isTrue();
        assertThat(vp8.isKeyframe()).as("P=1").isFalse();
        assertThat(Vp8Payload.isKeyframe(DELTA_7BIT, 0, DELTA_7BIT.length)).isFalse();
    }

    @Test
    void readsTemporalLayerKeyIndexAndNonReferenceBit() {
        assertThat(Vp8Payload.check(TL2_PARTITION_1, 0, TL2_PARTITION_1.length)).isEqualTo(ParseStatus.OK);
        vp8.wrap(TL2_PARTITION_1, 0, TL2_PARTITION_1.length);

        assertThat(vp8.isNonReference()).isTrue();
        assertThat(vp8.isStartOfPartition()).isTrue();
        assertThat(vp8.partitionIndex()).isEqualTo(1);
        assertThat(vp8.isStartOfFrame()).isFalse();
        assertThat(vp8.isKeyframe()).isFalse();
        assertThat(vp8.pictureId()).isEqualTo(0x7FFF);
        assertThat(vp8.tl0PicIdx()).isEqualTo(255);
        assertThat(vp8.temporalLayer()).isEqualTo(2);
        assertThat(vp8.isLayerSync()).isFalse();
        assertThat(vp8.keyIndex()).isEqualTo(3);
        assertThat(vp8.descriptorLength()).isEqualTo(6);
    }

    @Test
    void keyIndexWithoutTemporalLayer() {
        byte[] k = Hex.bytes("""
                80             # X=1 S=0 PID=0
                10             # I=0 L=0 T=0 K=1
                c7             # TID bits (ignored with T=0) Y=0 KEYIDX=7
                01             # data
                """);
        assertThat(Vp8Payload.check(k, 0, k.length)).isEqualTo(ParseStatus.OK);
        vp8.wrap(k, 0, k.length);

        assertThat(vp8.keyIndex()).isEqualTo(7);
        assertThat(vp8.temporalLayer()).as("T=0").isEqualTo(-1);
        assertThat(vp8.isLayerSync()).isFalse();
        assertThat(vp8.hasPictureId()).isFalse();
        assertThat(vp8.pictureId()).isEqualTo(-1);
        assertThat(vp8.descriptorLength()).isEqualTo(3);
    }

    @Test
    void continuationAndMinimalDescriptors() {
        assertThat(Vp8Payload.check(CONTINUATION, 0, CONTINUATION.length)).isEqualTo(ParseStatus.OK);
        vp8.wrap(CONTINUATION, 0, CONTINUATION.length);
        assertThat(vp8.descriptorLength()).isEqualTo(1);
        assertThat(vp8.isStartOfPartition()).isFalse();
        assertThat(vp8.isKeyframe()).isFalse();
        assertThat(vp8.hasPictureId()).isFalse();
        assertThat(vp8.hasTl0PicIdx()).isFalse();

        assertThat(Vp8Payload.check(MINIMAL_KEYFRAME, 0, MINIMAL_KEYFRAME.length)).isEqualTo(ParseStatus.OK);
        vp8.wrap(MINIMAL_KEYFRAME, 0, MINIMAL_KEYFRAME.length);
        assertThat(vp8.isKeyframe()).isTrue();
        assertThat(vp8.keyframeWidth()).isEqualTo(320);
        assertThat(vp8.keyframeHeight()).isEqualTo(240);
    }

    @Test
    void readsAPayloadAtAnOffsetInALargerBuffer() {
        byte[] pooled = new byte[100];
        System.arraycopy(KEYFRAME, 0, pooled, 40, KEYFRAME.length);

        assertThat(Vp8Payload.check(pooled, 40, KEYFRAME.length)).isEqualTo(ParseStatus.OK);
        assertThat(vp8.wrap(pooled, 40, KEYFRAME.length).pictureId()).isEqualTo(0x0123);
        assertThat(vp8.isKeyframe()).isTrue();
        assertThat(Vp8Payload.isKeyframe(pooled, 40, KEYFRAME.length)).isTrue();
    }

    @Test
    void writesFifteenBitPictureIdAndTl0PicIdxInPlaceKeepingTheForm() {
        byte[] copy = KEYFRAME.clone();
        vp8.wrap(copy, 0, copy.length);

        vp8.setPictureId(0x7FFF + 1 + 0x0abc); // wraps: only 15 bits are written
        vp8.setTl0PicIdx(256 + 7);

        assertThat(vp8.pictureId()).isEqualTo(0x0abc);
        assertThat(vp8.hasLongPictureId()).isTrue();
        assertThat(vp8.tl0PicIdx()).isEqualTo(7);
        assertThat(copy[2] & 0xFF).as("M bit kept").isEqualTo(0x8a);
        byte[] expected = KEYFRAME.clone();
        expected[2] = (byte) 0x8a;
        expected[3] = (byte) 0xbc;
        expected[4] = 7;
        assertThat(copy).isEqualTo(expected);
    }

    @Test
    void writesSevenBitPictureIdMasked() {
        byte[] copy = DELTA_7BIT.clone();
        vp8.wrap(copy, 0, copy.length);

        vp8.setPictureId(0x1FE); // 0x7E in 7 bits

        assertThat(vp8.pictureId()).isEqualTo(0x7E);
        assertThat(vp8.hasLongPictureId()).isFalse();
        assertThat(Arrays.copyOfRange(copy, 3, copy.length))
                .isEqualTo(Arrays.copyOfRange(DELTA_7BIT, 3, DELTA_7BIT.length));
    }

    @Test
    void rejectsEveryTruncationOfTheDescriptor() {
        assertThat(Vp8Payload.check(KEYFRAME, 0, 0)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 0, 1)).as("X=1 without its byte").isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 0, 2)).as("I=1 without PictureID").isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 0, 3)).as("M=1, second byte missing").isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 0, 4)).as("L=1 without TL0PICIDX").isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 0, 5)).as("T=1 without TID").isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 0, 6)).as("descriptor, no payload").isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(Vp8Payload.check(CONTINUATION, 0, 1)).isEqualTo(ParseStatus.TRUNCATED_BODY);
        assertThat(Vp8Payload.check(DELTA_7BIT, 0, 4)).as("one payload byte is enough for a delta frame")
                .isEqualTo(ParseStatus.OK);
    }

    @Test
    void rejectsKeyframesWithoutAWholeKeyframeHeader() {
        for (int cut = 7; cut < KEYFRAME.length; cut++) {
            assertThat(Vp8Payload.check(KEYFRAME, 0, cut)).as("cut at %d", cut).isEqualTo(ParseStatus.TRUNCATED_BODY);
            assertThat(Vp8Payload.isKeyframe(KEYFRAME, 0, cut)).isFalse();
        }
        byte[] badStartCode = KEYFRAME.clone();
        badStartCode[10] = 0x2b;
        assertThat(Vp8Payload.check(badStartCode, 0, badStartCode.length)).isEqualTo(ParseStatus.BAD_FIELD);
        assertThat(Vp8Payload.isKeyframe(badStartCode, 0, badStartCode.length)).isFalse();
    }

    @Test
    void rejectsBoundsOutsideTheBuffer() {
        assertThat(Vp8Payload.check(KEYFRAME, -1, 5)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 10, KEYFRAME.length)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(KEYFRAME, 1, Integer.MAX_VALUE)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.check(null, 0, 1)).isEqualTo(ParseStatus.TOO_SHORT);
        assertThat(Vp8Payload.isKeyframe(null, 0, 1)).isFalse();
    }

    @Test
    void neverThrowsOnRandomBytesAndAcceptedPayloadsCanBeRead() {
        Random random = new Random(7741);
        byte[] b = new byte[24];
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(b);
            int len = random.nextInt(b.length + 1);
            ParseStatus status = Vp8Payload.check(b, 0, len);
            if (status == ParseStatus.OK) {
                accepted++;
                assertThatCode(() -> {
                    vp8.wrap(b, 0, len);
                    assertThat(vp8.descriptorLength()).isLessThan(len);
                    vp8.pictureId();
                    vp8.tl0PicIdx();
                    vp8.temporalLayer();
                    vp8.keyIndex();
                    if (vp8.isKeyframe()) {
                        vp8.keyframeWidth();
                        vp8.keyframeHeight();
                    }
                }).doesNotThrowAnyException();
            }
            assertThatCode(() -> Vp8Payload.isKeyframe(b, 0, len)).doesNotThrowAnyException();
        }
        assertThat(accepted).as("random bytes are mostly valid VP8 descriptors").isGreaterThan(1000);
    }
}
