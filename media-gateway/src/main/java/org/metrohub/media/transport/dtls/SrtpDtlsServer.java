package org.metrohub.media.transport.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.metrohub.media.transport.srtp.SrtpProfile;

/**
 * Our DTLS server: DTLS 1.2, ECDHE_ECDSA AES-GCM, a CertificateRequest (browsers send their certificate only
 * when asked), the client's certificate checked against its SDP fingerprint, {@code use_srtp} chosen by our
 * preference among the client's offer.
 */
final class SrtpDtlsServer extends DefaultTlsServer {

    private final HandshakeState state;

    SrtpDtlsServer(BcTlsCrypto crypto, HandshakeState state) {
        super(crypto);
        this.state = state;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), BcCredentials.CIPHER_SUITES);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return state.timeoutMillis;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return BcCredentials.signer(context, (BcTlsCrypto) getCrypto(), state.local);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offer = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offer == null) {
            throw state.fail(AlertDescription.handshake_failure, "client offered no use_srtp extension");
        }
        int[] offered = offer.getProtectionProfiles();
        for (SrtpProfile ours : state.profiles) {
            for (int id : offered) {
                if (id == ours.dtlsId()) {
                    state.selected(ours);
                    return;
                }
            }
        }
        throw state.fail(AlertDescription.handshake_failure, "client offered SRTP profiles "
                + Arrays.toString(offered) + ", none of ours " + Arrays.toString(state.offeredIds()));
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {state.profile().dtlsId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        Vector<SignatureAndHashAlgorithm> algorithms = new Vector<>();
        algorithms.add(BcCredentials.ECDSA_SHA256);
        algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        algorithms.add(new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        state.checkPeerCertificate(clientCertificate);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        state.export(context);
    }
}
