package org.metrohub.media.rtp;

/**
 * RFC 8285 header extension elements, one-byte ({@code 0xBEDE}) and two-byte ({@code 0x100X}) forms. A found
 * element is returned as one {@code long} (data offset in the high half, data length in the low half) so
 * looking one up allocates nothing.
 */
public final class HeaderExtensions {
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** The two-byte form's profile with its four "appbits" masked off. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private static final long NOT_FOUND = -1;
    private static final long OVERRUN = -2;

    private HeaderExtensions() {
    }

    /** Absolute offset of the element's data in the packet's buffer. */
    public static int offset(long ref) {
        return (int) (ref >>> 32);
    }

    /** Length in bytes of the element's data. */
    public static int length(long ref) {
        return (int) ref;
    }

    /** Finds element {@code id} in the extension data {@code buffer[at, at + length)}, or returns -1. */
    public static long find(byte[] buffer, int at, int length, int profile, int id) {
        long ref = walk(buffer, at, length, profile, id);
        return ref < 0 ? NOT_FOUND : ref;
    }

    /** Whether every element fits in the extension data; other profiles are opaque and always OK. */
    public static ParseStatus check(byte[] buffer, int at, int length, int profile) {
        return walk(buffer, at, length, profile, -1) == OVERRUN ? ParseStatus.EXTENSION_OVERRUN : ParseStatus.OK;
    }

    private static long walk(byte[] b, int at, int length, int profile, int wanted) {
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        if (!oneByte && (profile & 0xFFF0) != TWO_BYTE_PROFILE) {
            return NOT_FOUND;
        }
        int end = at + length;
        int i = at;
        while (i < end) {
            int id;
            int size;
            int data;
            if (oneByte) {
                id = (b[i] & 0xF0) >>> 4;
                if (id == 0) { // a padding byte
                    i++;
                    continue;
                }
                if (id == 15) { // reserved: stop parsing
                    return NOT_FOUND;
                }
                size = (b[i] & 0x0F) + 1;
                data = i + 1;
            } else {
                id = b[i] & 0xFF;
                if (id == 0) {
                    i++;
                    continue;
                }
                if (i + 2 > end) {
                    return OVERRUN;
                }
                size = b[i + 1] & 0xFF;
                data = i + 2;
            }
            if (data + size > end) {
                return OVERRUN;
            }
            if (id == wanted) {
                return (long) data << 32 | size;
            }
            i = data + size;
        }
        return NOT_FOUND;
    }
}
