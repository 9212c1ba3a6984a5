package org.metrohub.media.transport.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.metrohub.media.transport.srtp.SrtpProfile;

/**
 * What the BouncyCastle peer callbacks ({@link SrtpDtlsServer}, {@link SrtpDtlsClient}) check and produce for
 * one handshake: the remote fingerprint check, the SRTP profile, the exporter output, and our own reason when
 * we abort. Written on the handshake thread, read there after {@code accept}/{@code connect} returns.
 */
final class HandshakeState {

    final DtlsCertificate local;
    final DtlsFingerprint remote;
    final List<SrtpProfile> profiles;
    final int timeoutMillis;

    private volatile String failure;
    private SrtpProfile profile;
    private byte[] keyingMaterial;

    HandshakeState(DtlsCertificate local, DtlsFingerprint remote, List<SrtpProfile> profiles, int timeoutMillis) {
        this.local = local;
        this.remote = remote;
        this.profiles = profiles;
        this.timeoutMillis = timeoutMillis;
    }

    /** Records why we abort and returns the alert for the caller to throw (BouncyCastle then sends it). */
    TlsFatalAlert fail(short alert, String reason) {
        failure = "sent fatal alert " + AlertDescription.getName(alert) + ": " + reason;
        return new TlsFatalAlert(alert, reason);
    }

    String failure() {
        return failure;
    }

    /** The peer's leaf certificate must hash to the SDP {@code a=fingerprint}; nothing else is trusted. */
    void checkPeerCertificate(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw fail(AlertDescription.bad_certificate, "peer sent no certificate");
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        if (!remote.matches(der)) {
            throw fail(AlertDescription.bad_certificate, "peer certificate " + DtlsFingerprint.of(remote.algorithm(), der)
                    + " does not match the SDP fingerprint " + remote);
        }
    }

    int[] offeredIds() {
        return profiles.stream().mapToInt(SrtpProfile::dtlsId).toArray();
    }

    void selected(SrtpProfile p) {
        profile = p;
    }

    SrtpProfile profile() {
        return profile;
    }

    /** RFC 5764 §4.2: {@code EXTRACTOR-dtls_srtp}, no context, {@code 2 * (key + salt)} bytes. */
    void export(TlsContext context) throws IOException {
        if (profile == null) {
            throw fail(AlertDescription.internal_error, "handshake completed without an SRTP profile");
        }
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.exporterLength());
    }

    /** Hands the exporter output over once; the copy kept here is zeroed. */
    byte[] takeKeyingMaterial() {
        byte[] out = keyingMaterial.clone();
        Arrays.fill(keyingMaterial, (byte) 0);
        return out;
    }
}
