package org.metrohub.media.sfu;

/** Why an endpoint dropped a datagram or packet; each is counted per endpoint and in the node's totals. */
public enum Drop {
    /** First byte neither STUN, DTLS nor RTP/RTCP (RFC 7983 demultiplexing). */
    UNKNOWN_PROTOCOL,
    /** SRTP or SRTCP arrived before DTLS-SRTP keys existed. */
    NO_KEYS,
    /** SRTP/SRTCP authentication failed (tampered, forged, or garbage). */
    SRTP_AUTH,
    /** SRTP/SRTCP replayed or too old for the replay window. */
    SRTP_REPLAY,
    /** SRTP/SRTCP too short or another crypto failure. */
    SRTP_OTHER,
    /** Decrypted RTP that is not well-formed (RFC 3550). */
    RTP_MALFORMED,
    /** Decrypted RTCP compound that is not well-formed. */
    RTCP_MALFORMED,
    /** RTP whose SSRC, mid and rid match no source this endpoint announced. */
    UNKNOWN_STREAM,
    /** Retransmission or padding (RTX, probing) from a sender; the node asks for no retransmissions yet. */
    RTX_OR_PADDING,
    /** A packet that does not fit the send buffer with room for the SRTP tag. */
    TOO_LARGE,
    /** Encryption for a receiver failed. */
    SEND_PROTECT,
    /** Media of a track a moderator muted ({@link Conference#forceMute}): received and counted, forwarded to nobody. */
    MODERATOR_MUTED
}
