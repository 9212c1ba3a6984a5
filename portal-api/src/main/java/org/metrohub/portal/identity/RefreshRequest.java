package org.metrohub.portal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token for {@code POST /api/auth/refresh}. */
public record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[<hidden>]";
    }
}
