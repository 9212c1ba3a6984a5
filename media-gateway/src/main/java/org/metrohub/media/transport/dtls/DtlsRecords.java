package org.metrohub.media.transport.dtls;

/**
 * Cheap checks on a DTLS 1.0/1.2 datagram's record headers (RFC 6347 §4.1) before it is copied to the handshake
 * thread: every record must be complete, with a known content type and a DTLS version. The DTLS stack checks
 * again; this only keeps obvious junk and truncated records out of the queue and counts them.
 */
final class DtlsRecords {

    static final int HEADER_LENGTH = 13; // type(1) version(2) epoch(2) sequence(6) length(2)
    static final int CONTENT_APPLICATION_DATA = 23;

    /** Result: every record is application data. */
    static final int ALL_APPLICATION_DATA = 1;
    /** Result: fine, hand it to the stack. */
    static final int OK = 0;

    private DtlsRecords() {
    }

    /** {@link #OK}, {@link #ALL_APPLICATION_DATA}, or the drop reason as {@code -1 - ordinal}. */
    static int check(byte[] buf, int off, int len) {
        int first = buf[off] & 0xFF;
        if (first < 20 || first > 63) {
            return -1 - DtlsDrop.NOT_DTLS.ordinal();
        }
        boolean allAppData = true;
        int at = off;
        int end = off + len;
        while (at < end) {
            if (end - at < HEADER_LENGTH) {
                return -1 - DtlsDrop.MALFORMED_RECORD.ordinal();
            }
            int type = buf[at] & 0xFF;
            int major = buf[at + 1] & 0xFF;
            int minor = buf[at + 2] & 0xFF;
            int length = (buf[at + 11] & 0xFF) << 8 | buf[at + 12] & 0xFF;
            // change_cipher_spec(20) .. tls12_cid(25); versions DTLS 1.0 (FEFF) and 1.2 (FEFD)
            if (type < 20 || type > 25 || major != 0xFE || (minor != 0xFF && minor != 0xFD)
                    || length > end - at - HEADER_LENGTH) {
                return -1 - DtlsDrop.MALFORMED_RECORD.ordinal();
            }
            allAppData &= type == CONTENT_APPLICATION_DATA;
            at += HEADER_LENGTH + length;
        }
        return allAppData ? ALL_APPLICATION_DATA : OK;
    }
}
