package org.metrohub.media.codec;

import org.metrohub.media.rtp.ParseStatus;

/**
 * A mutable view of one VP8 RTP payload (RFC 7741 §4.2) over {@code buffer[offset, offset + length)}, the RTP
 * payload without padding. Re-point it with {@link #wrap}; accessors trust the bytes, so call {@link #check}
 * first. The payload descriptor:
 *
 * <pre>
 *        0 1 2 3 4 5 6 7
 *       +-+-+-+-+-+-+-+-+
 *       |X|R|N|S|R| PID | (REQUIRED)
 *       +-+-+-+-+-+-+-+-+
 *  X:   |I|L|T|K| RSV   | (OPTIONAL)
 *       +-+-+-+-+-+-+-+-+
 *  I:   |M| PictureID   | (OPTIONAL, 7 bits, or 15 bits with M=1 and a second byte)
 *       +-+-+-+-+-+-+-+-+
 *  L:   |   TL0PICIDX   | (OPTIONAL)
 *       +-+-+-+-+-+-+-+-+
 *  T/K: |TID|Y| KEYIDX  | (OPTIONAL)
 *       +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * At the start of partition 0 (S=1, PID=0) the VP8 payload header follows (§4.3): its P bit is 0 for a keyframe,
 * which then carries the RFC 6386 §9.1 start code {@code 9d 01 2a} and the frame size.
 */
public final class Vp8Payload {
    /** Frame tag (3), start code (3), width (2), height (2): the keyframe header a valid keyframe carries. */
    static final int KEYFRAME_HEADER_LENGTH = 10;
    private static final int NONE = -1;

    private byte[] buffer;
    private int offset;
    private int length;
    private int pictureIdAt;
    private int tl0PicIdxAt;
    private int tidAt;
    private int headerAt;

    /**
     * Why {@code buffer[offset, offset + length)} is not a VP8 payload, or {@link ParseStatus#OK}: {@code
     * TOO_SHORT} when the descriptor is cut, {@code TRUNCATED_BODY} when nothing (or less than a keyframe
     * header, for a keyframe) follows it, {@code BAD_FIELD} for a keyframe without the VP8 start code.
     */
    public static ParseStatus check(byte[] buffer, int offset, int length) {
        if (buffer == null || offset < 0 || length < 1 || offset > buffer.length - length) {
            return ParseStatus.TOO_SHORT;
        }
        int at = descriptorEnd(buffer, offset, length);
        if (at < 0) {
            return ParseStatus.TOO_SHORT;
        }
        int end = offset + length;
        if (at >= end) {
            return ParseStatus.TRUNCATED_BODY;
        }
        if ((buffer[offset] & 0x17) == 0x10 && (buffer[at] & 0x01) == 0) { // S=1 PID=0, P=0: a keyframe
            if (end - at < KEYFRAME_HEADER_LENGTH) {
                return ParseStatus.TRUNCATED_BODY;
            }
            if ((buffer[at + 3] & 0xFF) != 0x9d || (buffer[at + 4] & 0xFF) != 0x01
                    || (buffer[at + 5] & 0xFF) != 0x2a) {
                return ParseStatus.BAD_FIELD;
            }
        }
        return ParseStatus.OK;
    }

    /** Whether the payload passes {@link #check} and starts a keyframe; never throws. */
    public static boolean isKeyframe(byte[] buffer, int offset, int length) {
        return check(buffer, offset, length) == ParseStatus.OK
                && (buffer[offset] & 0x17) == 0x10
                && (buffer[descriptorEnd(buffer, offset, length)] & 0x01) == 0;
    }

    /** Index just past the descriptor, or -1 when it runs past {@code offset + length}. */
    private static int descriptorEnd(byte[] b, int offset, int length) {
        int end = offset + length;
        int at = offset + 1;
        if ((b[offset] & 0x80) == 0) {
            return at;
        }
        if (at >= end) {
            return NONE;
        }
        int x = b[at++];
        if ((x & 0x80) != 0) { // I: PictureID, one or two bytes
            if (at >= end) {
                return NONE;
            }
            at += (b[at] & 0x80) != 0 ? 2 : 1;
        }
        if ((x & 0x40) != 0) { // L: TL0PICIDX
            at++;
        }
        if ((x & 0x30) != 0) { // T or K: TID/Y/KEYIDX
            at++;
        }
        return at <= end ? at : NONE;
    }

    /** Points this view at a payload that passed {@link #check} and returns it. */
    public Vp8Payload wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        pictureIdAt = NONE;
        tl0PicIdxAt = NONE;
        tidAt = NONE;
        int at = offset + 1;
        if ((buffer[offset] & 0x80) != 0) {
            int x = buffer[at++];
            if ((x & 0x80) != 0) {
                pictureIdAt = at;
                at += (buffer[at] & 0x80) != 0 ? 2 : 1;
            }
            if ((x & 0x40) != 0) {
                tl0PicIdxAt = at++;
            }
            if ((x & 0x30) != 0) {
                tidAt = at++;
            }
        }
        headerAt = at;
        return this;
    }

    /** N: the frame may be discarded without affecting any other frame. */
    public boolean isNonReference() {
        return (buffer[offset] & 0x20) != 0;
    }

    /** S: this packet starts a VP8 partition. */
    public boolean isStartOfPartition() {
        return (buffer[offset] & 0x10) != 0;
    }

    /** PID: the partition index (0–7) this packet's first byte belongs to. */
    public int partitionIndex() {
        return buffer[offset] & 0x07;
    }

    /** S=1 and PID=0: the first packet of a frame, where the VP8 payload header is. */
    public boolean isStartOfFrame() {
        return (buffer[offset] & 0x17) == 0x10;
    }

    /** The first packet of a keyframe (RFC 7741 §4.3: P=0 in the payload header at the start of partition 0). */
    public boolean isKeyframe() {
        return isStartOfFrame() && (buffer[headerAt] & 0x01) == 0;
    }

    public boolean hasPictureId() {
        return pictureIdAt != NONE;
    }

    /** Whether the PictureID has the 15-bit form (M=1); only with {@link #hasPictureId()}. */
    public boolean hasLongPictureId() {
        return (buffer[pictureIdAt] & 0x80) != 0;
    }

    /** {@code 0x7FFF} for the 15-bit form, {@code 0x7F} for the 7-bit one; only with {@link #hasPictureId()}. */
    public int pictureIdMask() {
        return hasLongPictureId() ? 0x7FFF : 0x7F;
    }

    /** The 7- or 15-bit PictureID, or -1 when absent. */
    public int pictureId() {
        if (pictureIdAt == NONE) {
            return -1;
        }
        int first = buffer[pictureIdAt] & 0xFF;
        return (first & 0x80) != 0 ? (first & 0x7F) << 8 | buffer[pictureIdAt + 1] & 0xFF : first;
    }

    /**
     * Writes {@code pictureId} in place, in the packet's own 7- or 15-bit form (the value is masked to it), so
     * the payload never changes length; only with {@link #hasPictureId()}.
     */
    public void setPictureId(int pictureId) {
        if ((buffer[pictureIdAt] & 0x80) != 0) {
            buffer[pictureIdAt] = (byte) (0x80 | pictureId >>> 8 & 0x7F);
            buffer[pictureIdAt + 1] = (byte) pictureId;
        } else {
            buffer[pictureIdAt] = (byte) (pictureId & 0x7F);
        }
    }

    public boolean hasTl0PicIdx() {
        return tl0PicIdxAt != NONE;
    }

    /** TL0PICIDX (8 bits), or -1 when absent. */
    public int tl0PicIdx() {
        return tl0PicIdxAt == NONE ? -1 : buffer[tl0PicIdxAt] & 0xFF;
    }

    /** Writes TL0PICIDX in place (masked to 8 bits); only with {@link #hasTl0PicIdx()}. */
    public void setTl0PicIdx(int tl0PicIdx) {
        buffer[tl0PicIdxAt] = (byte) tl0PicIdx;
    }

    /** TID, the temporal layer (0–3), or -1 when T=0. */
    public int temporalLayer() {
        return tidAt != NONE && (buffer[offset + 1] & 0x20) != 0 ? (buffer[tidAt] & 0xC0) >>> 6 : -1;
    }

    /** Y: layer sync, the frame depends only on TL0 frames; false when T=0. */
    public boolean isLayerSync() {
        return tidAt != NONE && (buffer[offset + 1] & 0x20) != 0 && (buffer[tidAt] & 0x20) != 0;
    }

    /** KEYIDX (5 bits), or -1 when K=0. */
    public int keyIndex() {
        return tidAt != NONE && (buffer[offset + 1] & 0x10) != 0 ? buffer[tidAt] & 0x1F : -1;
    }

    /** Bytes of payload descriptor: the VP8 payload starts at {@code offset + descriptorLength()}. */
    public int descriptorLength() {
        return headerAt - offset;
    }

    /** Keyframe width in pixels (14 bits, RFC 6386 §9.1); only with {@link #isKeyframe()}. */
    public int keyframeWidth() {
        return ((buffer[headerAt + 7] & 0xFF) << 8 | buffer[headerAt + 6] & 0xFF) & 0x3FFF;
    }

    /** Keyframe height in pixels (14 bits, RFC 6386 §9.1); only with {@link #isKeyframe()}. */
    public int keyframeHeight() {
        return ((buffer[headerAt + 9] & 0xFF) << 8 | buffer[headerAt + 8] & 0xFF) & 0x3FFF;
    }

    public int length() {
        return length;
    }
}
