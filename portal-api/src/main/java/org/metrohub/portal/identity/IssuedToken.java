package org.metrohub.portal.identity;

import java.time.Instant;

/** A signed token and what the caller needs to know of it. */
public record IssuedToken(String value, String id, Instant expiresAt) {
}
