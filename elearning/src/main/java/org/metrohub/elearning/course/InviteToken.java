package org.metrohub.elearning.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The secret of an invite link: 256 random bits as 43 URL-safe Base64 characters, handed out once. Only its
 * SHA-256 {@link #hash} is stored, so a leaked database lists no working link. A plain (unsalted) hash is
 * enough because the token is random and as long as the digest; it also lets an accept find the link by
 * an index on the hash.
 */
public final class InviteToken {

    static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private InviteToken() {
    }

    /** A new token from {@code random}, which must be a cryptographically strong generator (SecureRandom). */
    public static String generate(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} has the form {@link #generate} gives; anything else names no link. */
    public static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }

    /** The lower-case hex SHA-256 of the token's ASCII, as stored. */
    public static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
