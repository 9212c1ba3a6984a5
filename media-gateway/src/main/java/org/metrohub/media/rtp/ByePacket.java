package org.metrohub.media.rtp;

/** A view of an RTCP BYE (RFC 3550 §6.6): the SSRCs leaving and an optional reason. */
public final class ByePacket {
    private byte[] buffer;
    private int offset;
    private int reasonAt;

    /** Points this view at one BYE packet; the accessors are valid only when this returns OK. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.reasonAt = -1;
        ParseStatus status = RtcpHeader.check(buffer, offset, length, RtcpHeader.BYE, -1, RtcpHeader.LENGTH);
        if (status != ParseStatus.OK) {
            return status;
        }
        int end = offset + RtcpHeader.contentLength(buffer, offset);
        int after = offset + RtcpHeader.LENGTH + 4 * ssrcCount();
        if (after > end) {
            return ParseStatus.TRUNCATED_BODY;
        }
        if (after < end) {
            if (after + 1 + (buffer[after] & 0xFF) > end) {
                return ParseStatus.TRUNCATED_BODY;
            }
            reasonAt = after;
        }
        return ParseStatus.OK;
    }

    public int ssrcCount() {
        return RtcpHeader.count(buffer, offset);
    }

    public int ssrc(int index) {
        return Bytes.s32(buffer, offset + RtcpHeader.LENGTH + 4 * index);
    }

    /** Absolute offset of the reason text (UTF-8), or -1 without one. */
    public int reasonOffset() {
        return reasonAt < 0 ? -1 : reasonAt + 1;
    }

    /** Length of the reason text, or -1 without one. */
    public int reasonLength() {
        return reasonAt < 0 ? -1 : buffer[reasonAt] & 0xFF;
    }
}
