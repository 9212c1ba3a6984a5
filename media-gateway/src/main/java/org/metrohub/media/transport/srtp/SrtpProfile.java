package org.metrohub.media.transport.srtp;

import java.util.Optional;
import org.jitsi.srtp.SrtpPolicy;

/**
 * The SRTP protection profiles MetroHub negotiates in DTLS {@code use_srtp} (RFC 5764 §4.1.2, RFC 7714 §14.2).
 *
 * <p>Lengths are in bytes. {@link #rtpOverhead()} and {@link #rtcpOverhead()} are the tail room a packet buffer
 * must have after the plain packet for {@code protect} to succeed.
 */
public enum SrtpProfile {
    /** {@code SRTP_AES128_CM_HMAC_SHA1_80}: AES-128 counter mode, HMAC-SHA1 tag truncated to 80 bits (RFC 3711). */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 20),
    /** {@code SRTP_AEAD_AES_128_GCM}: AES-128-GCM with a 16-byte tag (RFC 7714). */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 0);

    /** Length of the E flag + SRTCP index word appended to every SRTCP packet (RFC 3711 §3.4). */
    static final int SRTCP_INDEX_LENGTH = 4;

    private final int dtlsId;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;
    private final int authKeyLength;

    SrtpProfile(int dtlsId, int keyLength, int saltLength, int tagLength, int authKeyLength) {
        this.dtlsId = dtlsId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
        this.authKeyLength = authKeyLength;
    }

    /** The SRTPProtectionProfile value in the DTLS {@code use_srtp} extension. */
    public int dtlsId() {
        return dtlsId;
    }

    /** Master key length. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length. */
    public int saltLength() {
        return saltLength;
    }

    /** Authentication tag length (HMAC truncation, or the GCM tag). */
    public int tagLength() {
        return tagLength;
    }

    /** Bytes to request from the DTLS exporter: {@code 2 * (key + salt)} (RFC 5764 §4.2). */
    public int exporterLength() {
        return 2 * (keyLength + saltLength);
    }

    /** Bytes {@code protectRtp} adds after the plain RTP packet. */
    public int rtpOverhead() {
        return tagLength;
    }

    /** Bytes {@code protectRtcp} adds after the plain RTCP packet: the SRTCP index word and the tag. */
    public int rtcpOverhead() {
        return SRTCP_INDEX_LENGTH + tagLength;
    }

    /** The profile for a DTLS {@code use_srtp} id, if we support it. */
    public static Optional<SrtpProfile> fromDtlsId(int dtlsId) {
        for (SrtpProfile p : values()) {
            if (p.dtlsId == dtlsId) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A fresh jitsi policy for this profile (the policy object is mutable, so never share one). Replay
     * protection on receive is switched on explicitly, not left to the library's default; the sender-side
     * check stays on too, so we never encrypt two packets under one index (a nonce reuse for GCM).
     */
    SrtpPolicy newPolicy() {
        SrtpPolicy policy = switch (this) {
            case AES_CM_128_HMAC_SHA1_80 -> new SrtpPolicy(
                    SrtpPolicy.AESCM_ENCRYPTION, keyLength,
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, authKeyLength, tagLength, saltLength);
            case AEAD_AES_128_GCM -> new SrtpPolicy(
                    SrtpPolicy.AESGCM_ENCRYPTION, keyLength,
                    SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, saltLength);
        };
        policy.setReceiveReplayEnabled(true);
        policy.setSendReplayEnabled(true);
        policy.setCryptexEnabled(false);
        return policy;
    }
}
