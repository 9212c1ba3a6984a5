package org.metrohub.media.transport.dtls;

import org.metrohub.media.transport.srtp.SrtpProfile;

/**
 * Events from a {@link DtlsEngine}, delivered on its handshake thread. Exactly one of
 * {@link #handshakeComplete} or {@link #handshakeFailed} is called per engine.
 */
public interface DtlsListener {

    /**
     * The handshake finished, the peer's certificate matched its SDP fingerprint and an SRTP profile was agreed.
     *
     * @param keyingMaterial {@code profile.exporterLength()} bytes of {@code EXTRACTOR-dtls_srtp} output
     *                       (RFC 5764 §4.2), ready for {@code SrtpKeys.fromDtlsExporter}; the listener owns it
     */
    void handshakeComplete(SrtpProfile profile, byte[] keyingMaterial);

    /** The handshake ended without keys; {@code reason} says why (alert sent or received, timeout, close). */
    void handshakeFailed(String reason);

    /** After a completed handshake, the association ended (peer's close_notify or alert, or {@link DtlsEngine#close()}). */
    default void closed(String reason) {
    }
}
