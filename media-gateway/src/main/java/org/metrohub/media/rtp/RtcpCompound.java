package org.metrohub.media.rtp;

/**
 * Walks the packets of a compound RTCP datagram without allocating:
 *
 * <pre>{@code
 * compound.wrap(buf, off, len);
 * while (compound.next()) {
 *     switch (compound.packetType()) { ... compound.packetOffset(), compound.packetLength() ... }
 * }
 * if (compound.status() != ParseStatus.OK) { count(compound.status()); }
 * }</pre>
 *
 * Iteration stops at the first malformed packet; the ones before it were well formed.
 */
public final class RtcpCompound {
    private byte[] buffer;
    private int end;
    private int cursor;
    private int packetOffset;
    private int packetLength;
    private ParseStatus status = ParseStatus.OK;

    public RtcpCompound wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.end = offset + length;
        this.cursor = offset;
        this.packetOffset = offset;
        this.packetLength = 0;
        this.status = offset < 0 || length < 0 || end > buffer.length ? ParseStatus.TOO_SHORT : ParseStatus.OK;
        return this;
    }

    /** Moves to the next packet; false at the end or on malformed input (see {@link #status()}). */
    public boolean next() {
        if (status != ParseStatus.OK || cursor >= end) {
            return false;
        }
        ParseStatus header = RtcpHeader.check(buffer, cursor, end - cursor);
        if (header != ParseStatus.OK) {
            status = header;
            return false;
        }
        packetOffset = cursor;
        packetLength = RtcpHeader.packetLength(buffer, cursor);
        cursor += packetLength;
        return true;
    }

    /** {@link ParseStatus#OK} unless iteration stopped on a malformed packet. */
    public ParseStatus status() {
        return status;
    }

    public byte[] buffer() {
        return buffer;
    }

    /** Absolute offset of the current packet. */
    public int packetOffset() {
        return packetOffset;
    }

    /** Length of the current packet in bytes, padding included. */
    public int packetLength() {
        return packetLength;
    }

    public int packetType() {
        return RtcpHeader.packetType(buffer, packetOffset);
    }

    /** RC, SC or FMT of the current packet. */
    public int count() {
        return RtcpHeader.count(buffer, packetOffset);
    }
}
