package org.metrohub.media.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.SrtpCipherCtr;
import org.jitsi.srtp.crypto.SrtpCipherGcm;
import org.junit.jupiter.api.Test;

/**
 * Published test vectors, run through jitsi-srtp's public ciphers (as the session selects them, via
 * {@link Aes}) and through our {@link SrtpSession}. Hex is copied from the RFC sections named per field.
 */
class SrtpVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    // ---- RFC 3711 Appendix B.2: AES-CM keystream -------------------------------------------------------

    /** RFC 3711 B.2 "Session Key". */
    private static final byte[] B2_SESSION_KEY = hex("2B7E151628AED2A6ABF7158809CF4F3C");

    @Test
    void aesCmKeystreamMatchesRfc3711AppendixB2() throws Exception {
        SrtpCipherCtr ctr = new SrtpCipherCtr(Aes.createCipher("AES/CTR/NoPadding"));
        ctr.init(B2_SESSION_KEY, null);

        // RFC 3711 B.2: Session Salt F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000 (already shifted), ROC 0, SEQ 0,
        // SSRC 0, so the first counter block (the IV) is the shifted salt itself.
        byte[] keystream = new byte[48];
        ctr.setIV(hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), Cipher.ENCRYPT_MODE);
        ctr.process(keystream, 0, keystream.length); // zeros in -> keystream out
        assertThat(keystream).isEqualTo(hex(
                "E03EAD0935C95E80E166B16DD92B4EB4"     // counter F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000
                + "D23513162B02D0F72A43A2FE4A5F97AB"   // counter ...FCFD0001
                + "41E95B3BB0A2E8DD477901E4FCA894C0")); // counter ...FCFD0002

        // RFC 3711 B.2, the last three rows: counters ...FCFDFEFF, ...FCFDFF00, ...FCFDFF01 (carry across
        // the 16-bit block counter into the offset).
        Arrays.fill(keystream, (byte) 0);
        ctr.setIV(hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF"), Cipher.ENCRYPT_MODE);
        ctr.process(keystream, 0, keystream.length);
        assertThat(keystream).isEqualTo(hex(
                "EC8CDF7398607CB0F2D21675EA9EA1E4"
                + "362B7C3C6773516318A077D7FC5073AE"
                + "6A2CC3787889374FBEB4C81B17BA6C44"));
    }

    // ---- RFC 3711 Appendix B.3: key derivation, checked through a full SRTP packet ----------------------

    /** RFC 3711 B.3 "master key". */
    private static final byte[] B3_MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    /** RFC 3711 B.3 "master salt". */
    private static final byte[] B3_MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");
    /** RFC 3711 B.3 "cipher key" (label 0x00, packet index 0). */
    private static final byte[] B3_CIPHER_KEY = hex("C61E7A93744F39EE10734AFE3FF7A087");
    /** RFC 3711 B.3 "cipher salt" (label 0x02). */
    private static final byte[] B3_CIPHER_SALT = hex("30CBBC08863D8C85D49DB34A9AE1");
    /** RFC 3711 B.3 "auth key" (label 0x01), the first 160 bits that HMAC-SHA1 uses. */
    private static final byte[] B3_AUTH_KEY = hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");

    @Test
    void sessionKeysDerivedFromMasterKeyMatchRfc3711AppendixB3() throws Exception {
        // jitsi's KDF is package-private, so observe its three outputs through one packet: SSRC 0, SEQ 0,
        // ROC 0 (packet index 0, as in B.3) and an all-zero payload. The ciphertext payload is then the
        // AES-CM keystream under the B.3 cipher key with IV = cipher salt * 2^16 (RFC 3711 §4.1.1), and the
        // tag is HMAC-SHA1(auth key, header | ciphertext | ROC) truncated to 80 bits (RFC 3711 §4.2).
        byte[] pkt = new byte[64];
        byte[] header = hex("80 00 0000 00000000 00000000"); // V=2, PT 0, SEQ 0, TS 0, SSRC 0
        System.arraycopy(header, 0, pkt, 0, 12);
        int payloadLen = 32;

        try (SrtpSession session = new SrtpSession(SrtpKeys.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                B3_MASTER_KEY, B3_MASTER_SALT, B3_MASTER_KEY, B3_MASTER_SALT))) {
            int len = session.protectRtp(pkt, 0, 12 + payloadLen);
            assertThat(len).isEqualTo(12 + payloadLen + 10);

            byte[] iv = Arrays.copyOf(B3_CIPHER_SALT, 16); // salt || 0x0000
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(B3_CIPHER_KEY, "AES"));
            byte[] expectedPayload = new byte[payloadLen];
            for (int block = 0; block < payloadLen / 16; block++) {
                iv[15] = (byte) block;
                ecb.doFinal(iv, 0, 16, expectedPayload, block * 16);
            }
            assertThat(Arrays.copyOfRange(pkt, 12, 12 + payloadLen)).isEqualTo(expectedPayload);

            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(B3_AUTH_KEY, "HmacSHA1"));
            hmac.update(pkt, 0, 12 + payloadLen);
            hmac.update(new byte[4]); // ROC = 0
            byte[] expectedTag = Arrays.copyOf(hmac.doFinal(), 10);
            assertThat(Arrays.copyOfRange(pkt, 12 + payloadLen, len)).isEqualTo(expectedTag);

            assertThat(session.unprotectRtp(pkt, 0, len)).isEqualTo(12 + payloadLen);
            assertThat(Arrays.copyOfRange(pkt, 12, 12 + payloadLen)).isEqualTo(new byte[payloadLen]);
        }
    }

    // ---- RFC 7714 §16.1.1: AEAD_AES_128_GCM SRTP packet encryption ------------------------------------

    @Test
    void aeadAes128GcmPacketMatchesRfc7714Section16() throws Exception {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f"); // RFC 7714 §16.1.1 "Key"
        byte[] salt = hex("517569642070726f2071756f");        // RFC 7714 §16.1.1 "Salt"
        byte[] packet = hex(
                "8040f17b"            // V=2, PT 64, SEQ 0xf17b (RFC 7714 §16.1.1 "RTP header")
                + "8041f8d3"          // timestamp
                + "5501a0b2"          // SSRC
                + "47616c6c69612065737420" // plaintext "Gallia est " ...
                + "6f6d6e6973206469766973612069" + "6e207061727465732074726573"); // ... "omnis divisa in partes tres"
        int plainLen = packet.length;
        byte[] buf = Arrays.copyOf(packet, plainLen + 16);

        // RFC 7714 §8.1: IV = (00 00 || SSRC || ROC || SEQ) XOR salt; §16.1.1 lists it as
        // 51753c6580c2726f20718414 for ROC 0.
        byte[] iv = new byte[12];
        System.arraycopy(packet, 8, iv, 2, 4);  // SSRC
        System.arraycopy(packet, 2, iv, 10, 2); // SEQ (ROC bytes 6..9 stay 0)
        for (int i = 0; i < 12; i++) {
            iv[i] ^= salt[i];
        }
        assertThat(iv).isEqualTo(hex("51753c6580c2726f20718414"));

        SrtpCipherGcm gcm = new SrtpCipherGcm(Aes.createCipher("AES/GCM/NoPadding"));
        gcm.init(key, null);
        gcm.setIV(iv, Cipher.ENCRYPT_MODE);
        gcm.processAAD(buf, 0, 12); // the RTP header is the AAD (RFC 7714 §7.1)
        int out = gcm.process(buf, 12, plainLen - 12);

        assertThat(12 + out).isEqualTo(plainLen + 16);
        assertThat(buf).isEqualTo(hex(
                "8040f17b8041f8d35501a0b2"                       // header, in the clear
                + "f24de3a3fb34de6cacba861c9d7e4bca"             // RFC 7714 §16.1.1 "Cipher" ...
                + "be633bd50d294e6f42a5f47a51c7d19b"
                + "36de3adf8833"
                + "899d7f27beb16a9152cf765ee4390cce"));          // ... the 16-byte tag
    }

    // ---- libsrtp's srtp_driver.c vectors: whole SRTP/SRTCP packets through our session -----------------
    // Not from an RFC: libsrtp test/srtp_driver.c (the same ones jitsi-srtp validates against). The CM
    // master key/salt are RFC 3711 B.3's; the GCM ones are RFC 7714 §16's key with salt a0..ab.

    @Test
    void aesCmSessionProducesLibsrtpReferencePackets() {
        SrtpKeys keys = SrtpKeys.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                B3_MASTER_KEY, B3_MASTER_SALT, B3_MASTER_KEY, B3_MASTER_SALT);
        try (SrtpSession session = new SrtpSession(keys)) {
            byte[] rtp = new byte[64];
            int plain = put(rtp, "800f1234 decafbad cafebabe" // V=2 PT 15 SEQ 0x1234, TS, SSRC 0xcafebabe
                    + "abababababababababababababababab");  // 16-byte payload
            int len = session.protectRtp(rtp, 0, plain);
            assertThat(Arrays.copyOf(rtp, len)).isEqualTo(hex("800f1234decafbadcafebabe"
                    + "4e55dc4ce79978d88ca4d215949d2402"   // encrypted payload
                    + "b78d6acc99ea179b8dbb"));            // 80-bit HMAC-SHA1 tag

            byte[] rtcp = new byte[64];
            String sr = "81c8000b cafebabe"                 // V=2 RC=1 PT=200 (SR), length 11, sender SSRC
                    + "abababababababababababababababab";   // 16 bytes of body
            // libsrtp's reference has SRTCP index 1; ours starts at 0, so the second packet is the one.
            session.protectRtcp(rtcp, 0, put(rtcp, sr));
            len = session.protectRtcp(rtcp, 0, put(rtcp, sr));
            assertThat(Arrays.copyOf(rtcp, len)).isEqualTo(hex("81c8000bcafebabe"
                    + "7128035be487b9bdbef89041f977a5a8"    // encrypted body
                    + "80000001"                            // E=1, SRTCP index 1
                    + "993e08cd54d6c1230798"));             // 80-bit tag
        }
    }

    @Test
    void gcmSessionProducesLibsrtpReferencePackets() {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        byte[] salt = hex("a0a1a2a3a4a5a6a7a8a9aaab");
        try (SrtpSession session = new SrtpSession(SrtpKeys.of(SrtpProfile.AEAD_AES_128_GCM, key, salt, key, salt))) {
            byte[] rtp = new byte[64];
            int len = session.protectRtp(rtp, 0, put(rtp, "800f1234decafbadcafebabe"
                    + "abababababababababababababababab"));
            assertThat(Arrays.copyOf(rtp, len)).isEqualTo(hex("800f1234decafbadcafebabe"
                    + "c5002ede04cfdd2eb91159e0880aa06e"   // encrypted payload
                    + "d2976826f796b201df3131a127e8a392")); // 16-byte GCM tag

            byte[] rtcp = new byte[64];
            String sr = "81c8000bcafebabe" + "abababababababababababababababab";
            session.protectRtcp(rtcp, 0, put(rtcp, sr));
            len = session.protectRtcp(rtcp, 0, put(rtcp, sr));
            assertThat(Arrays.copyOf(rtcp, len)).isEqualTo(hex("81c8000bcafebabe"
                    + "c98b8b5df0392a55852b6c21ac8e7025"   // encrypted body
                    + "c52c6fbea2b3b446ea31123ba88ce61e"   // 16-byte GCM tag
                    + "80000001"));                        // E=1, SRTCP index 1 (after the tag, RFC 7714 §9.1)
        }
    }

    private static int put(byte[] buf, String hexBytes) {
        byte[] b = hex(hexBytes);
        Arrays.fill(buf, (byte) 0);
        System.arraycopy(b, 0, buf, 0, b.length);
        return b.length;
    }
}
