package org.metrohub.media.sfu;

/** An endpoint's transport as its participant should see it. */
public enum ConnectionState {
    /** Waiting for the first offer. */
    NEW,
    /** ICE checks or the DTLS handshake are under way. */
    CONNECTING,
    /** ICE connected and DTLS-SRTP keys agreed: media flows. */
    CONNECTED,
    /** ICE consent lost or DTLS failed; the participant should reconnect. */
    FAILED,
    /** Closed (left, removed, room closed). */
    CLOSED
}
