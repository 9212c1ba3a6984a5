package org.metrohub.media.rtp;

/**
 * A cursor over an RTCP SDES packet (RFC 3550 §6.5): chunks, each an SSRC and items (type, length, text).
 * {@link #wrap} checks the whole structure, so {@link #nextChunk} and {@link #nextItem} stay in bounds.
 */
public final class SdesPacket {
    public static final int CNAME = 1;

    private byte[] buffer;
    private int offset;
    private int chunksLeft;
    private int nextChunk;
    private int chunk;
    private int item = -1;
    private int itemCursor;

    /** Points this cursor at one SDES packet, before its first chunk. */
    public ParseStatus wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.chunksLeft = 0;
        this.nextChunk = offset + RtcpHeader.LENGTH;
        ParseStatus status = RtcpHeader.check(buffer, offset, length, RtcpHeader.SDES, -1, RtcpHeader.LENGTH);
        if (status != ParseStatus.OK) {
            return status;
        }
        int end = offset + RtcpHeader.contentLength(buffer, offset);
        int at = nextChunk;
        for (int c = RtcpHeader.count(buffer, offset); c > 0; c--) {
            at = skipChunk(at, end);
            if (at < 0) {
                return ParseStatus.TRUNCATED_BODY;
            }
        }
        chunksLeft = RtcpHeader.count(buffer, offset);
        return ParseStatus.OK;
    }

    /** Moves to the next chunk; false after the last. */
    public boolean nextChunk() {
        if (chunksLeft == 0) {
            return false;
        }
        chunksLeft--;
        chunk = nextChunk;
        itemCursor = chunk + 4;
        nextChunk = skipChunk(chunk, Integer.MAX_VALUE);
        return true;
    }

    public int chunkSsrc() {
        return Bytes.s32(buffer, chunk);
    }

    /** Moves to the next item of the current chunk; false at its terminating null item. */
    public boolean nextItem() {
        if (buffer[itemCursor] == 0) {
            return false;
        }
        item = itemCursor;
        itemCursor += 2 + (buffer[itemCursor + 1] & 0xFF);
        return true;
    }

    public int itemType() {
        return buffer[item] & 0xFF;
    }

    /** Absolute offset of the item's text (UTF-8). */
    public int itemOffset() {
        return item + 2;
    }

    public int itemLength() {
        return buffer[item + 1] & 0xFF;
    }

    /** Offset just past the chunk at {@code at} (32-bit aligned), or -1 if it runs past {@code end}. */
    private int skipChunk(int at, int end) {
        int p = at + 4;
        while (true) {
            if (p >= end || p >= buffer.length) {
                return -1;
            }
            if (buffer[p] == 0) {
                int past = offset + ((p + 1 - offset + 3) & ~3);
                return past <= end ? past : -1;
            }
            if (p + 2 > end || p + 2 + (buffer[p + 1] & 0xFF) > end) {
                return -1;
            }
            p += 2 + (buffer[p + 1] & 0xFF);
        }
    }
}
