package org.metrohub.media.transport.srtp;

/**
 * Outcome of one {@link SrtpSession} operation. The session's methods return an {@code int}: the new packet
 * length when {@code >= 0}, otherwise the negative {@link #code()} of the failure; {@link #of(int)} turns it
 * back into this enum without allocating. Bad packets never throw.
 */
public enum SrtpResult {
    /** Done; the return value was the new length. */
    OK(0),
    /** The authentication tag (HMAC or GCM) did not verify: tampered, wrong key, or garbage. */
    AUTH_FAIL(-1),
    /** Index already seen, or older than the replay window (RFC 3711 §3.3.2); also refused on send. */
    REPLAY(-2),
    /** Shorter than its header(s) plus tag: nothing was touched. */
    TOO_SHORT(-3),
    /** The caller's buffer lacks the tail room for the tag (and SRTCP index): nothing was touched. */
    NO_TAIL_ROOM(-4),
    /** A new SSRC would exceed the session's per-direction context limit. */
    TOO_MANY_SSRCS(-5),
    /** The cipher failed for another reason (library or provider error). */
    CRYPTO_ERROR(-6),
    /** The session was closed. */
    CLOSED(-7);

    private static final SrtpResult[] BY_NEGATED_CODE = values();

    private final int code;

    SrtpResult(int code) {
        this.code = code;
    }

    /** {@code 0} for OK, negative for failures. */
    public int code() {
        return code;
    }

    /** The result for a value returned by a session operation. */
    public static SrtpResult of(int returned) {
        if (returned >= 0) {
            return OK;
        }
        int i = -returned;
        if (i >= BY_NEGATED_CODE.length) {
            throw new IllegalArgumentException("not an SRTP result code: " + returned);
        }
        return BY_NEGATED_CODE[i];
    }
}
