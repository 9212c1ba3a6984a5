package org.metrohub.media.codec;

import org.metrohub.media.rtp.ParseStatus;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2) at the start of a VP9 RTP payload:
 *
 * <pre>
 *        0 1 2 3 4 5 6 7
 *       +-+-+-+-+-+-+-+-+
 *       |I|P|L|F|B|E|V|Z| (REQUIRED)
 *       +-+-+-+-+-+-+-+-+
 *  I:   |M| PICTURE ID  | (and a second byte with M=1: 15 bits)
 *  L:   | TID |U| SID |D| (and TL0PICIDX after it when F=0, non-flexible mode)
 *  P,F: | P_DIFF      |N| (flexible mode, inter-picture predicted: up to 3, N=1 means another follows)
 *  V:   | SS            | (scalability structure, §4.2.1)
 * </pre>
 *
 * A layer frame that starts (B=1), is not inter-picture predicted (P=0) and is in spatial layer 0 (SID 0, or no
 * layer indices) is a keyframe a receiver can start decoding at.
 */
public final class Vp9Payload {
    private Vp9Payload() {
    }

    /**
     * Why {@code buffer[offset, offset + length)} is not a VP9 payload, or {@link ParseStatus#OK}: {@code
     * TOO_SHORT} when the descriptor (with its scalability structure) is cut, {@code TRUNCATED_BODY} when no
     * payload byte follows it, {@code BAD_FIELD} for more than three P_DIFF entries (§4.2).
     */
    public static ParseStatus check(byte[] buffer, int offset, int length) {
        if (buffer == null || offset < 0 || length < 1 || offset > buffer.length - length) {
            return ParseStatus.TOO_SHORT;
        }
        int end = descriptorEnd(buffer, offset, length);
        if (end == -2) {
            return ParseStatus.BAD_FIELD;
        }
        if (end < 0) {
            return ParseStatus.TOO_SHORT;
        }
        return end < offset + length ? ParseStatus.OK : ParseStatus.TRUNCATED_BODY;
    }

    /** Index just past the descriptor, -1 when it runs past the payload, -2 for too many P_DIFFs. */
    private static int descriptorEnd(byte[] b, int offset, int length) {
        int end = offset + length;
        int first = b[offset];
        int at = offset + 1;
        if ((first & 0x80) != 0) { // I
            if (at >= end) {
                return -1;
            }
            at += (b[at] & 0x80) != 0 ? 2 : 1;
        }
        boolean flexible = (first & 0x10) != 0;
        if ((first & 0x20) != 0) { // L: layer indices, plus TL0PICIDX in non-flexible mode
            at += flexible ? 1 : 2;
        }
        if (flexible && (first & 0x40) != 0) { // P_DIFF list
            for (int n = 1; ; n++) {
                if (at >= end) {
                    return -1;
                }
                if ((b[at++] & 0x01) == 0) {
                    break;
                }
                if (n == 3) {
                    return -2;
                }
            }
        }
        if ((first & 0x02) != 0) { // V: scalability structure
            if (at >= end) {
                return -1;
            }
            int ss = b[at++];
            int spatialLayers = ((ss & 0xE0) >>> 5) + 1;
            if ((ss & 0x10) != 0) { // Y: WIDTH and HEIGHT per spatial layer
                at += 4 * spatialLayers;
            }
            if ((ss & 0x08) != 0) { // G: picture group description
                if (at >= end) {
                    return -1;
                }
                int groups = b[at++] & 0xFF;
                for (int g = 0; g < groups; g++) {
                    if (at >= end) {
                        return -1;
                    }
                    at += 1 + ((b[at] & 0x0C) >>> 2); // TID|U|R, then R P_DIFF bytes
                }
            }
        }
        return at <= end ? at : -1;
    }

    /** Whether the payload passes {@link #check} and starts a keyframe: B=1, P=0, SID 0. Never throws. */
    public static boolean isKeyframe(byte[] buffer, int offset, int length) {
        if (check(buffer, offset, length) != ParseStatus.OK) {
            return false;
        }
        int first = buffer[offset];
        return (first & 0x08) != 0 && (first & 0x40) == 0 && spatialLayerOf(buffer, offset) <= 0;
    }

    /** B: the packet starts a layer frame; false when the payload fails {@link #check}. */
    public static boolean isStartOfLayerFrame(byte[] buffer, int offset, int length) {
        return check(buffer, offset, length) == ParseStatus.OK && (buffer[offset] & 0x08) != 0;
    }

    /** SID, the spatial layer (0–7), or -1 without layer indices (L=0) or when the payload fails {@link #check}. */
    public static int spatialLayer(byte[] buffer, int offset, int length) {
        return check(buffer, offset, length) == ParseStatus.OK ? spatialLayerOf(buffer, offset) : -1;
    }

    /** TID, the temporal layer (0–7), or -1 without layer indices (L=0) or when the payload fails {@link #check}. */
    public static int temporalLayer(byte[] buffer, int offset, int length) {
        if (check(buffer, offset, length) != ParseStatus.OK) {
            return -1;
        }
        int at = layerIndicesAt(buffer, offset);
        return at < 0 ? -1 : (buffer[at] & 0xE0) >>> 5;
    }

    /** The 7- or 15-bit PICTURE ID, or -1 without one (I=0) or when the payload fails {@link #check}. */
    public static int pictureId(byte[] buffer, int offset, int length) {
        if (check(buffer, offset, length) != ParseStatus.OK || (buffer[offset] & 0x80) == 0) {
            return -1;
        }
        int first = buffer[offset + 1] & 0xFF;
        return (first & 0x80) != 0 ? (first & 0x7F) << 8 | buffer[offset + 2] & 0xFF : first;
    }

    private static int spatialLayerOf(byte[] b, int offset) {
        int at = layerIndicesAt(b, offset);
        return at < 0 ? -1 : (b[at] & 0x0E) >>> 1;
    }

    private static int layerIndicesAt(byte[] b, int offset) {
        if ((b[offset] & 0x20) == 0) {
            return -1;
        }
        if ((b[offset] & 0x80) == 0) {
            return offset + 1;
        }
        return offset + ((b[offset + 1] & 0x80) != 0 ? 3 : 2);
    }
}
