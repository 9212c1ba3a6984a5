package org.metrohub.media.transport.dtls;

import org.metrohub.media.transport.srtp.SrtpKeys;

/** Our side of the DTLS handshake (RFC 5763 §5: {@code a=setup:passive} → server, {@code active} → client). */
public enum DtlsRole {
    SERVER, CLIENT;

    /** The matching role for splitting the exporter output into SRTP keys. */
    public SrtpKeys.LocalRole srtpRole() {
        return this == SERVER ? SrtpKeys.LocalRole.DTLS_SERVER : SrtpKeys.LocalRole.DTLS_CLIENT;
    }
}
