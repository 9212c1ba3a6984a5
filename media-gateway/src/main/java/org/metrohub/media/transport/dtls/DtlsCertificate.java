package org.metrohub.media.transport.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Our DTLS identity: an ECDSA P-256 key pair and a self-signed X.509 certificate made at start (bcprov's ASN.1
 * classes and the JDK's {@code SHA256withECDSA}; no bcpkix), with its SHA-256 fingerprint for SDP. WebRTC peers
 * authenticate each other by that fingerprint only (RFC 8827 §6.5), so the certificate's names and validity
 * carry no trust; validity starts a day back to tolerate clock skew.
 */
public final class DtlsCertificate {

    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final KeyPair keyPair;
    private final byte[] der;
    private final DtlsFingerprint fingerprint;

    private DtlsCertificate(KeyPair keyPair, byte[] der) {
        this.keyPair = keyPair;
        this.der = der;
        this.fingerprint = DtlsFingerprint.of("sha-256", der);
    }

    /** A fresh key pair and certificate, valid 30 days from now. */
    public static DtlsCertificate generate() {
        return generate(InstantSource.system(), new SecureRandom());
    }

    /** As {@link #generate()}, with the clock and randomness injected. */
    public static DtlsCertificate generate(InstantSource clock, SecureRandom random) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keyPair = kpg.generateKeyPair();

            Instant now = clock.instant();
            X500Name name = new X500Name("CN=metrohub-media");
            AlgorithmIdentifier ecdsaSha256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            V3TBSCertificateGenerator tbsGen = new V3TBSCertificateGenerator();
            tbsGen.setSerialNumber(new ASN1Integer(new BigInteger(63, random).add(BigInteger.ONE)));
            tbsGen.setIssuer(name);
            tbsGen.setSubject(name);
            tbsGen.setStartDate(new Time(Date.from(now.minus(BACKDATE))));
            tbsGen.setEndDate(new Time(Date.from(now.plus(VALIDITY))));
            tbsGen.setSignature(ecdsaSha256);
            tbsGen.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()));
            TBSCertificate tbs = tbsGen.generateTBSCertificate();

            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate(), random);
            signer.update(tbs.getEncoded(ASN1Encoding.DER));
            byte[] signature = signer.sign();

            byte[] der = new DERSequence(new ASN1Encodable[] {tbs, ecdsaSha256, new DERBitString(signature)})
                    .getEncoded(ASN1Encoding.DER);
            return new DtlsCertificate(keyPair, der);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the DTLS certificate", e);
        }
    }

    /** The SHA-256 fingerprint of the certificate. */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }

    /** The {@code a=fingerprint} value for our SDP: {@code sha-256 AB:CD:…}. */
    public String sdpFingerprint() {
        return fingerprint.toSdp();
    }

    /** The DER-encoded certificate (a copy). */
    public byte[] der() {
        return der.clone();
    }

    PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + fingerprint.toSdp() + "]";
    }
}
