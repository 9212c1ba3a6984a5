package org.metrohub.media.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpKeysTest {

    /** Exporter bytes 0, 1, 2, … so every field's position is visible in the assertions. */
    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] range(int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = from; i < to; i++) {
            b[i - from] = (byte) i;
        }
        return b;
    }

    @Test
    void splitsAesCmExporterOutputPerRfc5764Section42() {
        // 60 bytes: client key [0,16) | server key [16,32) | client salt [32,46) | server salt [46,60)
        byte[] material = counting(60);
        SrtpKeys server = SrtpKeys.fromDtlsExporter(SrtpProfile.AES_CM_128_HMAC_SHA1_80, material,
                SrtpKeys.LocalRole.DTLS_SERVER);
        assertThat(server.localKey()).isEqualTo(range(16, 32));   // we encrypt with the server key
        assertThat(server.localSalt()).isEqualTo(range(46, 60));
        assertThat(server.remoteKey()).isEqualTo(range(0, 16));   // and decrypt with the client's
        assertThat(server.remoteSalt()).isEqualTo(range(32, 46));

        SrtpKeys client = SrtpKeys.fromDtlsExporter(SrtpProfile.AES_CM_128_HMAC_SHA1_80, material,
                SrtpKeys.LocalRole.DTLS_CLIENT);
        assertThat(client.localKey()).isEqualTo(range(0, 16));
        assertThat(client.localSalt()).isEqualTo(range(32, 46));
        assertThat(client.remoteKey()).isEqualTo(range(16, 32));
        assertThat(client.remoteSalt()).isEqualTo(range(46, 60));
    }

    @Test
    void splitsGcmExporterOutputPerRfc5764Section42() {
        // 56 bytes: client key [0,16) | server key [16,32) | client salt [32,44) | server salt [44,56)
        SrtpKeys server = SrtpKeys.fromDtlsExporter(SrtpProfile.AEAD_AES_128_GCM, counting(56),
                SrtpKeys.LocalRole.DTLS_SERVER);
        assertThat(server.localKey()).isEqualTo(range(16, 32));
        assertThat(server.localSalt()).isEqualTo(range(44, 56));
        assertThat(server.remoteKey()).isEqualTo(range(0, 16));
        assertThat(server.remoteSalt()).isEqualTo(range(32, 44));
    }

    @Test
    void rejectsMaterialOfTheWrongLengthAndHidesSecrets() {
        assertThatThrownBy(() -> SrtpKeys.fromDtlsExporter(SrtpProfile.AEAD_AES_128_GCM, counting(60),
                SrtpKeys.LocalRole.DTLS_SERVER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("56");
        SrtpKeys keys = SrtpKeys.fromDtlsExporter(SrtpProfile.AEAD_AES_128_GCM, counting(56),
                SrtpKeys.LocalRole.DTLS_SERVER);
        assertThat(keys.toString()).doesNotContain("16").contains("hidden");
        keys.destroy();
        assertThat(keys.localKey()).containsOnly(0);
    }

    @Test
    void profilesCarryTheirDtlsIdsAndLengths() {
        assertThat(SrtpProfile.fromDtlsId(1)).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        assertThat(SrtpProfile.fromDtlsId(7)).contains(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfile.fromDtlsId(8)).isEmpty(); // AEAD_AES_256_GCM: not offered by us
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_80.exporterLength()).isEqualTo(60);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.exporterLength()).isEqualTo(56);
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_80.rtcpOverhead()).isEqualTo(14);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.rtcpOverhead()).isEqualTo(20);
    }
}
