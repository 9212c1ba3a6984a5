package org.metrohub.media.transport.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.metrohub.media.transport.srtp.SrtpProfile;

/**
 * Our DTLS client: DTLS 1.2, ECDHE_ECDSA AES-GCM, offers our {@code use_srtp} profiles in preference order,
 * checks the server's certificate against its SDP fingerprint and answers the CertificateRequest with ours.
 */
final class SrtpDtlsClient extends DefaultTlsClient {

    private final HandshakeState state;

    SrtpDtlsClient(BcTlsCrypto crypto, HandshakeState state) {
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
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(state.offeredIds(), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            throw state.fail(AlertDescription.handshake_failure, "server answered without use_srtp");
        }
        int[] ids = answer.getProtectionProfiles();
        if (ids.length != 1 || answer.getMki().length != 0) {
            throw state.fail(AlertDescription.illegal_parameter, "server use_srtp must name one profile and no MKI: "
                    + Arrays.toString(ids));
        }
        for (SrtpProfile ours : state.profiles) {
            if (ours.dtlsId() == ids[0]) {
                state.selected(ours);
                return;
            }
        }
        throw state.fail(AlertDescription.illegal_parameter, "server chose SRTP profile " + ids[0]
                + ", which we did not offer " + Arrays.toString(state.offeredIds()));
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                state.checkPeerCertificate(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return BcCredentials.signer(context, (BcTlsCrypto) getCrypto(), state.local);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        state.export(context);
    }
}
