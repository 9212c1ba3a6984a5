package org.metrohub.media.transport.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The master keys and salts of one DTLS-SRTP association, already split by direction.
 *
 * <p>{@link #fromDtlsExporter} splits the exporter output of RFC 5764 §4.2,
 * {@code client_write_key | server_write_key | client_write_salt | server_write_salt}: the DTLS client
 * encrypts with the client key and salt, the DTLS server with the server's. In WebRTC answers MetroHub is
 * the DTLS server ({@code a=setup:passive}), so it decrypts with the client's key and salt.
 *
 * <p>Holds secrets: {@link #toString()} shows none, {@link #destroy()} zeroes them once the session exists.
 */
public final class SrtpKeys {

    /** Our side of the DTLS handshake. */
    public enum LocalRole { DTLS_CLIENT, DTLS_SERVER }

    private final SrtpProfile profile;
    private final byte[] localKey;
    private final byte[] localSalt;
    private final byte[] remoteKey;
    private final byte[] remoteSalt;

    private SrtpKeys(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {
        this.profile = profile;
        this.localKey = localKey;
        this.localSalt = localSalt;
        this.remoteKey = remoteKey;
        this.remoteSalt = remoteSalt;
    }

    /**
     * Splits DTLS exporter output ({@code EXTRACTOR-dtls_srtp}, {@link SrtpProfile#exporterLength()} bytes).
     *
     * @throws IllegalArgumentException if the material has the wrong length for the profile
     */
    public static SrtpKeys fromDtlsExporter(SrtpProfile profile, byte[] material, LocalRole role) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(role, "role");
        if (material.length != profile.exporterLength()) {
            throw new IllegalArgumentException("DTLS-SRTP exporter output for " + profile + " must be "
                    + profile.exporterLength() + " bytes, got " + material.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return role == LocalRole.DTLS_SERVER
                ? new SrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt)
                : new SrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt);
    }

    /** Keys given directly (SDES-style or test vectors): local ones encrypt, remote ones decrypt. */
    public static SrtpKeys of(SrtpProfile profile, byte[] localKey, byte[] localSalt,
                              byte[] remoteKey, byte[] remoteSalt) {
        Objects.requireNonNull(profile, "profile");
        check(profile, "local", localKey, localSalt);
        check(profile, "remote", remoteKey, remoteSalt);
        return new SrtpKeys(profile, localKey.clone(), localSalt.clone(), remoteKey.clone(), remoteSalt.clone());
    }

    private static void check(SrtpProfile profile, String which, byte[] key, byte[] salt) {
        if (key == null || key.length != profile.keyLength()) {
            throw new IllegalArgumentException(which + " key for " + profile + " must be "
                    + profile.keyLength() + " bytes");
        }
        if (salt == null || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException(which + " salt for " + profile + " must be "
                    + profile.saltLength() + " bytes");
        }
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Copies, for the library (which zeroes what it is given on close). */
    byte[] localKey() {
        return localKey.clone();
    }

    byte[] localSalt() {
        return localSalt.clone();
    }

    byte[] remoteKey() {
        return remoteKey.clone();
    }

    byte[] remoteSalt() {
        return remoteSalt.clone();
    }

    /** Zeroes the key material held here. */
    public void destroy() {
        Arrays.fill(localKey, (byte) 0);
        Arrays.fill(localSalt, (byte) 0);
        Arrays.fill(remoteKey, (byte) 0);
        Arrays.fill(remoteSalt, (byte) 0);
    }

    @Override
    public String toString() {
        return "SrtpKeys[" + profile + ", secrets hidden]";
    }
}
