package org.metrohub.media.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DtlsFingerprintTest {

    private static final DtlsCertificate CERT = DtlsCertificate.generate();

    @Test
    void certificateIsASelfSignedP256CertificateTheJdkAccepts() throws Exception {
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(CERT.der()));
        x509.verify(x509.getPublicKey()); // self-signed with its own key
        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(x509.getVersion()).isEqualTo(3);
        x509.checkValidity();
    }

    @Test
    void validityFollowsTheInjectedClock() throws Exception {
        Instant t = Instant.parse("2030-01-15T12:00:00Z");
        DtlsCertificate cert = DtlsCertificate.generate(InstantSource.fixed(t), new SecureRandom());
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.der()));
        assertThat(x509.getNotBefore().toInstant()).isEqualTo(Instant.parse("2030-01-14T12:00:00Z"));
        assertThat(x509.getNotAfter().toInstant()).isEqualTo(Instant.parse("2030-02-14T12:00:00Z"));
    }

    @Test
    void sdpFingerprintIsUpperCaseSha256OfTheDer() throws Exception {
        String expected = "sha-256 " + HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(CERT.der()));
        assertThat(CERT.sdpFingerprint()).isEqualTo(expected)
                .matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void parsesRemoteFingerprintsCaseInsensitively() {
        String sdp = CERT.sdpFingerprint();
        DtlsFingerprint lower = DtlsFingerprint.parse(sdp.toLowerCase());
        DtlsFingerprint upperHash = DtlsFingerprint.parse("SHA-256" + sdp.substring(7));
        DtlsFingerprint withAttribute = DtlsFingerprint.parse("a=fingerprint:" + sdp + "\r\n");
        assertThat(lower).isEqualTo(CERT.fingerprint()).isEqualTo(upperHash).isEqualTo(withAttribute);
        assertThat(lower.matches(CERT.der())).isTrue();
        assertThat(lower.algorithm()).isEqualTo("sha-256");
        assertThat(DtlsFingerprint.parse(sdp).toSdp()).isEqualTo(sdp);
    }

    @Test
    void otherHashesMatchUnderTheirOwnAlgorithm() {
        DtlsFingerprint sha512 = DtlsFingerprint.of("SHA-512", CERT.der());
        assertThat(DtlsFingerprint.parse(sha512.toSdp()).matches(CERT.der())).isTrue();
        assertThat(sha512.digest()).hasSize(64);
    }

    @Test
    void doesNotMatchAnotherCertificate() {
        assertThat(CERT.fingerprint().matches(DtlsCertificate.generate().der())).isFalse();
    }

    @Test
    void rejectsMalformedFingerprintsNamingTheProblem() {
        String hex = CERT.sdpFingerprint().substring(8);
        assertThatThrownBy(() -> DtlsFingerprint.parse("md5 " + hex.substring(0, 47)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported fingerprint hash");
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-256 " + hex.substring(3)))
                .hasMessageContaining("32 colon-separated hex pairs");
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-256 " + hex.replace(':', '-')))
                .hasMessageContaining("separated by ':'");
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-256 ZZ" + hex.substring(2)))
                .hasMessageContaining("non-hex digit at pair 0");
        assertThatThrownBy(() -> DtlsFingerprint.parse(hex)).hasMessageContaining("must be '<hash> <hex pairs>'");
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-256 " + "A".repeat(300)))
                .hasMessageContaining("longer than");
    }
}
