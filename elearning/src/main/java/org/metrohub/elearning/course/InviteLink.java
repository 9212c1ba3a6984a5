package org.metrohub.elearning.course;

import java.time.Instant;
import java.util.Objects;

/**
 * An invite link's terms and use: it enrols whoever accepts it until it expires, is used up ({@code uses}
 * reached {@code maxUses}; no limit when {@code maxUses} is null) or is revoked ({@code revokedAt} set).
 * The link's secret token is not here: only its hash is ever stored ({@link InviteToken}).
 */
public record InviteLink(Instant createdAt, Instant expiresAt, Integer maxUses, int uses, Instant revokedAt) {

    /** Whether a link takes another acceptance now. */
    public enum State {
        VALID, EXPIRED, USED_UP, REVOKED
    }

    public InviteLink {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (uses < 0) {
            throw new IllegalArgumentException("uses must not be negative");
        }
    }

    /** The link's state at {@code now}; a link is expired from its {@code expiresAt} on. */
    public State stateAt(Instant now) {
        if (revokedAt != null && !now.isBefore(revokedAt)) {
            return State.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        if (maxUses != null && uses >= maxUses) {
            return State.USED_UP;
        }
        return State.VALID;
    }
}
