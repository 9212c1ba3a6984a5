package org.metrohub.media.codec;

import org.metrohub.media.rtp.ParseStatus;

/**
 * H.264 RTP payloads in non-interleaved mode (RFC 6184 §5.6–5.8, packetization-mode 0 or 1, what WebRTC and
 * cameras send): a single NAL unit (types 1–23), an aggregation STAP-A (24) or a fragment FU-A (28). Every NAL
 * unit starts with the header {@code F|NRI|Type} (1+2+5 bits, §1.3).
 */
public final class H264Payload {
    public static final int NAL_IDR = 5;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;
    public static final int STAP_A = 24;
    public static final int FU_A = 28;

    private H264Payload() {
    }

    /**
     * Why {@code buffer[offset, offset + length)} is not an H.264 payload we forward, or {@link ParseStatus#OK}:
     * {@code TOO_SHORT} for an empty payload; {@code TRUNCATED_BODY} for a STAP-A whose aggregation units run past
     * the end (or are empty, or none), or an FU-A without its FU header and a fragment byte; {@code BAD_FIELD}
     * for NAL type 0, 30 or 31 (reserved) or an FU-A with both S and E set (§5.8); {@code WRONG_TYPE} for the
     * interleaved-mode types STAP-B, MTAP16, MTAP24 and FU-B (25–27, 29), which WebRTC does not negotiate.
     */
    public static ParseStatus check(byte[] buffer, int offset, int length) {
        if (buffer == null || offset < 0 || length < 1 || offset > buffer.length - length) {
            return ParseStatus.TOO_SHORT;
        }
        int type = buffer[offset] & 0x1F;
        if (type >= 1 && type <= 23) {
            return ParseStatus.OK;
        }
        if (type == STAP_A) {
            return checkStapA(buffer, offset, length);
        }
        if (type == FU_A) {
            if (length < 3) {
                return ParseStatus.TRUNCATED_BODY;
            }
            return (buffer[offset + 1] & 0xC0) == 0xC0 ? ParseStatus.BAD_FIELD : ParseStatus.OK;
        }
        if (type == 0 || type >= 30) {
            return ParseStatus.BAD_FIELD;
        }
        return ParseStatus.WRONG_TYPE;
    }

    private static ParseStatus checkStapA(byte[] b, int offset, int length) {
        int end = offset + length;
        int at = offset + 1;
        if (at == end) {
            return ParseStatus.TRUNCATED_BODY;
        }
        while (at < end) {
            if (end - at < 2) {
                return ParseStatus.TRUNCATED_BODY;
            }
            int size = (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
            at += 2;
            if (size == 0 || size > end - at) {
                return ParseStatus.TRUNCATED_BODY;
            }
            at += size;
        }
        return ParseStatus.OK;
    }

    /**
     * Whether the payload passes {@link #check} and starts a keyframe: an IDR slice (5) or an SPS (7, which
     * encoders send right before an IDR) as a single NAL unit, inside a STAP-A, or as the first FU-A fragment
     * (S=1) of one. Never throws.
     */
    public static boolean isKeyframe(byte[] buffer, int offset, int length) {
        if (check(buffer, offset, length) != ParseStatus.OK) {
            return false;
        }
        int type = buffer[offset] & 0x1F;
        if (type == STAP_A) {
            int end = offset + length;
            for (int at = offset + 1; at < end; at += 2 + ((buffer[at] & 0xFF) << 8 | buffer[at + 1] & 0xFF)) {
                if (isKeyNal(buffer[at + 2] & 0x1F)) {
                    return true;
                }
            }
            return false;
        }
        if (type == FU_A) {
            int header = buffer[offset + 1];
            return (header & 0x80) != 0 && isKeyNal(header & 0x1F);
        }
        return isKeyNal(type);
    }

    /**
     * The type of the (first) NAL unit the payload carries: the single NAL unit's, a STAP-A's first unit's, or
     * the fragmented unit's for an FU-A; -1 when the payload fails {@link #check}.
     */
    public static int nalType(byte[] buffer, int offset, int length) {
        if (check(buffer, offset, length) != ParseStatus.OK) {
            return -1;
        }
        int type = buffer[offset] & 0x1F;
        if (type == STAP_A) {
            return buffer[offset + 3] & 0x1F;
        }
        return type == FU_A ? buffer[offset + 1] & 0x1F : type;
    }

    private static boolean isKeyNal(int type) {
        return type == NAL_IDR || type == NAL_SPS;
    }
}
