package org.metrohub.media.transport.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * Our {@link ByteArrayBuffer} for jitsi-srtp: a re-pointable view over a caller's packet, so no object is
 * allocated per packet. It never reallocates: the region is {@code [offset, offset + capacity)} and
 * {@link #grow}/{@link #append} past it throw (the session checks tail room first, so they do not).
 *
 * <p>Not thread-safe; one per session, used by the thread that owns the session.
 */
final class PacketBuffer implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;
    private int limit; // absolute index one past the last usable byte

    /** Points this view at {@code buf[off, off + len)}, usable up to {@code off + capacity}. */
    void wrap(byte[] buf, int off, int len, int capacity) {
        this.buffer = buf;
        this.offset = off;
        this.length = len;
        this.limit = off + capacity;
    }

    /** Drops the reference to the caller's array. */
    void clear() {
        buffer = null;
        offset = length = limit = 0;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        if (len < 0 || offset + len > limit) {
            throw new IllegalArgumentException("length " + len + " outside the buffer's capacity");
        }
        this.length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off < 0 || off + length > limit) {
            throw new IllegalArgumentException("offset " + off + " outside the buffer's capacity");
        }
        this.offset = off;
    }

    @Override
    public boolean isInvalid() {
        return buffer == null;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        if (off < 0 || len < 0 || off + len > length) {
            throw new IndexOutOfBoundsException("region " + off + "+" + len + " outside length " + length);
        }
        System.arraycopy(buffer, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch < 0) {
            throw new IllegalArgumentException("negative grow " + howMuch);
        }
        if (offset + length + howMuch > limit) {
            throw new IllegalStateException("no tail room for " + howMuch + " more bytes");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        if (len <= 0) {
            return;
        }
        length = Math.max(0, length - len);
    }
}
