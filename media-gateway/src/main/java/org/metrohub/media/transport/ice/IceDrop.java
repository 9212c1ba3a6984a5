package org.metrohub.media.transport.ice;

/**
 * Why an {@link IceTransport} dropped a datagram; counted per transport. Datagrams that ice4j itself discards before
 * they reach a transport (non-STUN from an unknown address, STUN for an unknown ufrag, data from an address without a
 * succeeded pair) are not seen here; {@link IceHarvesters#unknownUfragRequests()} counts the second kind.
 */
public enum IceDrop {
    /** {@link IceTransport#send} with a null buffer or offset/length outside it. */
    SEND_INVALID_BOUNDS,
    /** {@link IceTransport#send} before a pair was selected. */
    SEND_NOT_CONNECTED,
    /** {@link IceTransport#send} after FAILED or CLOSED. */
    SEND_AFTER_CLOSE,
    /** The socket threw while sending. */
    SEND_FAILED,
    /** The {@link DatagramHandler} threw. */
    HANDLER_FAILED
}
