package org.metrohub.media.transport.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as carried in SDP {@code a=fingerprint} (RFC 8122 §5): a hash function name and the
 * digest of the DER certificate, written {@code sha-256 AB:CD:…}. Parsing is bounded and case-insensitive;
 * comparison is constant-time.
 */
public final class DtlsFingerprint {

    /** Longest attribute value accepted: "sha-512 " + 64 hex pairs with colons, with room to spare. */
    static final int MAX_LENGTH = 256;

    private final String algorithm;
    private final byte[] digest;

    private DtlsFingerprint(String algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute ({@code "sha-256 AB:CD:…"}; a leading
     * {@code "a=fingerprint:"} is tolerated). Hash names and hex digits are case-insensitive.
     *
     * @throws IllegalArgumentException naming what is wrong: unknown or weak hash, bad hex, wrong digest length
     */
    public static DtlsFingerprint parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("fingerprint longer than " + MAX_LENGTH + " characters");
        }
        String v = value.strip();
        if (v.regionMatches(true, 0, "a=fingerprint:", 0, 14)) {
            v = v.substring(14);
        }
        int space = v.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("fingerprint must be '<hash> <hex pairs>': " + value);
        }
        String algorithm = v.substring(0, space).toLowerCase(Locale.ROOT);
        int expected = digestLength(algorithm);
        String hex = v.substring(space + 1).strip();
        // expected pairs joined by ':' → 3 * n - 1 characters
        if (hex.length() != 3 * expected - 1) {
            throw new IllegalArgumentException(algorithm + " fingerprint must have " + expected
                    + " colon-separated hex pairs: " + value);
        }
        byte[] digest = new byte[expected];
        for (int i = 0; i < expected; i++) {
            int at = 3 * i;
            if (i > 0 && hex.charAt(at - 1) != ':') {
                throw new IllegalArgumentException("fingerprint hex pairs must be separated by ':': " + value);
            }
            int hi = Character.digit(hex.charAt(at), 16);
            int lo = Character.digit(hex.charAt(at + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("fingerprint has a non-hex digit at pair " + i + ": " + value);
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        return new DtlsFingerprint(algorithm, digest);
    }

    /** The fingerprint of a DER certificate under {@code algorithm} (an RFC 8122 name, e.g. {@code sha-256}). */
    public static DtlsFingerprint of(String algorithm, byte[] certificateDer) {
        String alg = algorithm.toLowerCase(Locale.ROOT);
        digestLength(alg);
        return new DtlsFingerprint(alg, hash(alg, certificateDer));
    }

    /** True if {@code certificateDer} hashes, under this fingerprint's algorithm, to this digest. */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(digest, hash(algorithm, certificateDer));
    }

    /** The hash name as written in SDP, lower case ({@code sha-256}). */
    public String algorithm() {
        return algorithm;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** The attribute value: {@code sha-256 AB:CD:…} (upper-case hex, as browsers write it). */
    public String toSdp() {
        return algorithm + ' ' + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsFingerprint f && f.algorithm.equals(algorithm)
                && MessageDigest.isEqual(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdp();
    }

    /** RFC 8122 hash names we accept (MD2/MD5 are refused: RFC 8122 §5 deprecates them). */
    private static int digestLength(String algorithm) {
        return switch (algorithm) {
            case "sha-1" -> 20;
            case "sha-224" -> 28;
            case "sha-256" -> 32;
            case "sha-384" -> 48;
            case "sha-512" -> 64;
            default -> throw new IllegalArgumentException("unsupported fingerprint hash '" + algorithm
                    + "' (expected sha-1, sha-224, sha-256, sha-384 or sha-512)");
        };
    }

    private static byte[] hash(String algorithm, byte[] der) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT)).digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }
}
