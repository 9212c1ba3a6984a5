package org.metrohub.media.rtp;

/**
 * Why a packet was rejected, or {@link #OK}. Parsers return one of these instead of throwing, so the
 * hot path can count malformed input per reason without exceptions or allocation.
 */
public enum ParseStatus {
    /** The bytes are well formed as far as the parser looked. */
    OK,
    /** Fewer bytes than the fixed header needs. */
    TOO_SHORT,
    /** The version field is not 2. */
    BAD_VERSION,
    /** The CSRC list runs past the end of the packet. */
    CSRC_OVERRUN,
    /** The RTP header extension (or one of its elements) runs past its bounds. */
    EXTENSION_OVERRUN,
    /** The padding count is zero or larger than the room after the header. */
    BAD_PADDING,
    /** An RTCP length field runs past the end of the buffer. */
    LENGTH_OVERRUN,
    /** The packet type or feedback format is not the one this view reads. */
    WRONG_TYPE,
    /** The body (report blocks, FCI, chunks, deltas) is shorter than its own counts say. */
    TRUNCATED_BODY,
    /** A field holds a value the format forbids (a REMB without its identifier, a reserved symbol). */
    BAD_FIELD
}
