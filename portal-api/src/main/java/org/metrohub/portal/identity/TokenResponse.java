package org.metrohub.portal.identity;

/** What a successful login or refresh returns. */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {
}
