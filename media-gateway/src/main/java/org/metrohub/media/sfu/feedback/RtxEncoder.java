package org.metrohub.media.sfu.feedback;

import java.util.Arrays;
import org.metrohub.media.rtp.RtpPacket;

/**
 * Builds RTP retransmission packets (RFC 4588 §4) for one RTX stream: the original header with the RTX payload
 * type (mapped from the original's, as {@code a=fmtp:<rtx> apt=<original>} says), the RTX SSRC and the RTX
 * stream's own sequence number; then the original sequence number (OSN) and the original payload, without
 * padding. Timestamp, marker, CSRCs and header extensions are kept as they were.
 */
public final class RtxEncoder {
    /** {@link #encode} result: the caller's buffer lacks room. */
    public static final int NO_ROOM = -1;
    /** {@link #encode} result: no RTX payload type is associated with the original's. */
    public static final int NO_RTX_PAYLOAD_TYPE = -2;

    /** The retransmission payload header: the OSN. */
    public static final int OSN_LENGTH = 2;

    private final int rtxSsrc;
    private final int[] rtxPayloadTypes = new int[128];
    private final RtpPacket view = new RtpPacket();
    private int nextSequenceNumber;
    private long encoded;

    /** An RTX stream; {@code initialSequenceNumber} should be random (RFC 3550 §5.1). */
    public RtxEncoder(int rtxSsrc, int initialSequenceNumber) {
        this.rtxSsrc = rtxSsrc;
        this.nextSequenceNumber = initialSequenceNumber & 0xFFFF;
        Arrays.fill(rtxPayloadTypes, -1);
    }

    /** Associates RTX payload type {@code rtx} with {@code original} ({@code a=fmtp:<rtx> apt=<original>}). */
    public RtxEncoder associate(int original, int rtx) {
        if ((original & ~0x7F) != 0 || (rtx & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload types " + original + ", " + rtx + " outside [0, 127]");
        }
        rtxPayloadTypes[original] = rtx;
        return this;
    }

    /** Whether packets of payload type {@code original} can be retransmitted over RTX. */
    public boolean covers(int original) {
        return rtxPayloadTypes[original & 0x7F] >= 0;
    }

    /**
     * Writes the RTX packet for {@code original} (a valid packet) at {@code out[at]} and takes the next RTX
     * sequence number; returns its length, {@link #NO_ROOM} or {@link #NO_RTX_PAYLOAD_TYPE}.
     */
    public int encode(RtpPacket original, byte[] out, int at) {
        int rtxPayloadType = rtxPayloadTypes[original.payloadType()];
        if (rtxPayloadType < 0) {
            return NO_RTX_PAYLOAD_TYPE;
        }
        int header = original.headerLength();
        int payload = original.payloadLength();
        int length = header + OSN_LENGTH + payload;
        if (at < 0 || at + length > out.length) {
            return NO_ROOM;
        }
        byte[] in = original.buffer();
        int from = original.offset();
        System.arraycopy(in, from, out, at, header);
        out[at + header] = in[from + 2]; // OSN: the original sequence number, network order
        out[at + header + 1] = in[from + 3];
        System.arraycopy(in, from + header, out, at + header + OSN_LENGTH, payload);
        view.wrap(out, at, length);
        view.setPadding(false); // the original's padding is not carried
        view.setPayloadType(rtxPayloadType);
        view.setSequenceNumber(nextSequenceNumber);
        view.setSsrc(rtxSsrc);
        nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
        encoded++;
        return length;
    }

    /** The original sequence number carried by RTX packet {@code rtx} (RFC 4588 §4), or -1 if it has no OSN. */
    public static int originalSequenceNumber(RtpPacket rtx) {
        if (rtx.payloadLength() < OSN_LENGTH) {
            return -1;
        }
        byte[] b = rtx.buffer();
        int at = rtx.payloadOffset();
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    public int rtxSsrc() {
        return rtxSsrc;
    }

    public int nextSequenceNumber() {
        return nextSequenceNumber;
    }

    /** RTX packets written. */
    public long encoded() {
        return encoded;
    }
}
