package org.metrohub.media.rtp;

/**
 * A mutable view of one RTP packet (RFC 3550 §5.1) over {@code buffer[offset, offset + length)}. Re-point it
 * with {@link #wrap} so one instance serves every packet a stage sees. Accessors trust the bytes: call
 * {@link #check} (or {@link #isValid}) once when the packet enters the pipeline.
 */
public final class RtpPacket {
    /** Fixed header: V/P/X/CC, M/PT, sequence number, timestamp, SSRC. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private byte[] buffer;
    private int offset;
    private int length;

    /** Points this view at a packet and returns it. */
    public RtpPacket wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** Why {@code buffer[offset, offset + length)} is not a well-formed RTP packet, or {@link ParseStatus#OK}. */
    public static ParseStatus check(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < FIXED_HEADER_LENGTH || offset + length > buffer.length) {
            return ParseStatus.TOO_SHORT;
        }
        int b0 = buffer[offset] & 0xFF;
        if (b0 >>> 6 != 2) {
            return ParseStatus.BAD_VERSION;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
        if (header > length) {
            return ParseStatus.CSRC_OVERRUN;
        }
        if ((b0 & 0x10) != 0) {
            if (header + 4 > length) {
                return ParseStatus.EXTENSION_OVERRUN;
            }
            int profile = Bytes.u16(buffer, offset + header);
            int dataLength = 4 * Bytes.u16(buffer, offset + header + 2);
            header += 4;
            if (header + dataLength > length
                    || HeaderExtensions.check(buffer, offset + header, dataLength, profile) != ParseStatus.OK) {
                return ParseStatus.EXTENSION_OVERRUN;
            }
            header += dataLength;
        }
        if ((b0 & 0x20) != 0) {
            int padding = buffer[offset + length - 1] & 0xFF;
            if (padding == 0 || padding > length - header) {
                return ParseStatus.BAD_PADDING;
            }
        }
        return ParseStatus.OK;
    }

    public boolean isValid() {
        return check(buffer, offset, length) == ParseStatus.OK;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int version() {
        return (buffer[offset] & 0xC0) >>> 6;
    }

    public void setVersion(int version) {
        buffer[offset] = (byte) ((buffer[offset] & 0x3F) | (version & 0x03) << 6);
    }

    public boolean hasPadding() {
        return (buffer[offset] & 0x20) != 0;
    }

    public void setPadding(boolean padding) {
        setBit(offset, 0x20, padding);
    }

    public boolean hasExtension() {
        return (buffer[offset] & 0x10) != 0;
    }

    public void setExtension(boolean extension) {
        setBit(offset, 0x10, extension);
    }

    public int csrcCount() {
        return buffer[offset] & 0x0F;
    }

    /** Sets the CC field only; the caller lays out the CSRC words. */
    public void setCsrcCount(int count) {
        buffer[offset] = (byte) ((buffer[offset] & 0xF0) | (count & 0x0F));
    }

    public boolean marker() {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    public void setMarker(boolean marker) {
        setBit(offset + 1, 0x80, marker);
    }

    public int payloadType() {
        return buffer[offset + 1] & 0x7F;
    }

    public void setPayloadType(int payloadType) {
        buffer[offset + 1] = (byte) ((buffer[offset + 1] & 0x80) | (payloadType & 0x7F));
    }

    public int sequenceNumber() {
        return Bytes.u16(buffer, offset + 2);
    }

    public void setSequenceNumber(int seq) {
        Bytes.put16(buffer, offset + 2, seq);
    }

    /** The 32-bit unsigned timestamp. */
    public long timestamp() {
        return Bytes.u32(buffer, offset + 4);
    }

    public void setTimestamp(long timestamp) {
        Bytes.put32(buffer, offset + 4, timestamp);
    }

    /** The 32-bit SSRC; compare as an {@code int}, print with {@link Integer#toUnsignedString(int)}. */
    public int ssrc() {
        return Bytes.s32(buffer, offset + 8);
    }

    public void setSsrc(int ssrc) {
        Bytes.put32(buffer, offset + 8, ssrc);
    }

    public int csrc(int index) {
        return Bytes.s32(buffer, offset + FIXED_HEADER_LENGTH + 4 * index);
    }

    public void setCsrc(int index, int csrc) {
        Bytes.put32(buffer, offset + FIXED_HEADER_LENGTH + 4 * index, csrc);
    }

    /** Fixed header, CSRC list and header extension, in bytes. */
    public int headerLength() {
        int header = FIXED_HEADER_LENGTH + 4 * csrcCount();
        return hasExtension() ? header + 4 + 4 * Bytes.u16(buffer, offset + header + 2) : header;
    }

    public int paddingLength() {
        return hasPadding() ? buffer[offset + length - 1] & 0xFF : 0;
    }

    /** Absolute index in {@link #buffer()} of the first payload byte. */
    public int payloadOffset() {
        return offset + headerLength();
    }

    /** Payload bytes, excluding padding; zero for a padding-only packet. */
    public int payloadLength() {
        return length - headerLength() - paddingLength();
    }

    /** The extension profile ({@code 0xBEDE}, {@code 0x100X}, or another), or -1 without an extension. */
    public int extensionProfile() {
        return hasExtension() ? Bytes.u16(buffer, offset + FIXED_HEADER_LENGTH + 4 * csrcCount()) : -1;
    }

    /**
     * Finds RFC 8285 header extension {@code id}: a reference to decode with {@link HeaderExtensions#offset}
     * and {@link HeaderExtensions#length}, or -1 when absent.
     */
    public long findExtension(int id) {
        if (!hasExtension()) {
            return -1;
        }
        int at = offset + FIXED_HEADER_LENGTH + 4 * csrcCount();
        return HeaderExtensions.find(buffer, at + 4, 4 * Bytes.u16(buffer, at + 2), Bytes.u16(buffer, at), id);
    }

    /**
     * Turns header extension element {@code id} into padding (RFC 8285 §4.2: zero bytes are padding in both
     * forms), header and data, so a receiver that negotiated the same id reads nothing from it. Used when a
     * forwarded packet carries the sender's mid/rid, which mean something else on the receiver's transport.
     *
     * @return whether the element was there
     */
    public boolean eraseExtension(int id) {
        long ref = findExtension(id);
        if (ref < 0) {
            return false;
        }
        int headerSize = extensionProfile() == HeaderExtensions.ONE_BYTE_PROFILE ? 1 : 2;
        int from = HeaderExtensions.offset(ref) - headerSize;
        java.util.Arrays.fill(buffer, from, HeaderExtensions.offset(ref) + HeaderExtensions.length(ref), (byte) 0);
        return true;
    }

    private void setBit(int at, int mask, boolean on) {
        buffer[at] = (byte) (on ? buffer[at] | mask : buffer[at] & ~mask);
    }
}
