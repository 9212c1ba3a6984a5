package org.metrohub.media.transport.dtls;

import java.io.IOException;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The BouncyCastle view of our certificate, and the suites both roles allow. */
final class BcCredentials {

    /** DTLS 1.2 ECDHE_ECDSA with AES-GCM only (what Chromium and Firefox pick; RFC 8827 §6.5). */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    };

    static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private BcCredentials() {
    }

    static TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto, DtlsCertificate local)
            throws IOException {
        TlsCertificate cert = crypto.createCertificate(local.der());
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                PrivateKeyFactory.createKey(local.privateKey().getEncoded()),
                new Certificate(new TlsCertificate[] {cert}), ECDSA_SHA256);
    }
}
