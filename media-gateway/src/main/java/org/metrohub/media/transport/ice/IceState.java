package org.metrohub.media.transport.ice;

/** Lifecycle of an {@link IceTransport}, translated from ice4j's processing and pair states. */
public enum IceState {
    /** Created, candidates gathered; {@link IceTransport#start()} not called yet. */
    NEW,
    /** Connectivity checks running: waiting for the controlling peer to nominate a pair. */
    CONNECTING,
    /** A pair was nominated; data flows. */
    CONNECTED,
    /** No pair succeeded, or after connecting the peer stopped answering (consent lost, RFC 7675). Final. */
    FAILED,
    /** {@link IceTransport#close()} was called. Final. */
    CLOSED
}
