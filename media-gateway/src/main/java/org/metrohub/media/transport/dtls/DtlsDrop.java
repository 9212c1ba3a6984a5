package org.metrohub.media.transport.dtls;

/** Why {@link DtlsEngine#receive} dropped a datagram before the DTLS stack saw it; counted per engine. */
public enum DtlsDrop {
    /** Null buffer or offset/length outside it. */
    INVALID_BOUNDS,
    /** Larger than {@link DtlsEngine#MAX_DATAGRAM} bytes: no DTLS peer of ours sends that over UDP. */
    OVERSIZE,
    /** Not a DTLS record layer datagram: first byte outside 20–63 (RFC 7983 demultiplexing). */
    NOT_DTLS,
    /** A record header that is cut short, claims more bytes than the datagram holds, or has a bad version. */
    MALFORMED_RECORD,
    /** The handshake thread is behind and the bounded inbound queue is full. */
    QUEUE_FULL,
    /** Application data after the handshake: WebRTC media uses SRTP, data channels are not served yet. */
    APPLICATION_DATA,
    /** Arrived after {@link DtlsEngine#close()} or after the handshake failed. */
    AFTER_CLOSE
}
