package org.metrohub.portal.identity;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings ({@code metrohub.security.*}).
 *
 * @param issuer             the {@code iss} of tokens this hub signs
 * @param signingKeyFile     the EC P-256 key (JWK JSON) tokens are signed with; made on first start if absent.
 *                           Instances that share a deployment must share this file (or its content).
 * @param accessTokenTtl     lifetime of an access token
 * @param refreshTokenTtl    lifetime of a refresh token (each works once)
 * @param roomTokenTtl       lifetime of a room token handed out on join
 * @param loginAttemptsPerMinute failed sign-ins per user name per minute; more gets 429
 * @param maxPendingPasswordChecks sign-ins waiting for a password check at once; more get 503 with Retry-After,
 *                           so a flood of sign-ins is shed instead of queueing for minutes
 * @param oidc               an external OpenID Connect issuer whose tokens are accepted too
 * @param demo               demo tenants and users seeded on start
 */
@Validated
@ConfigurationProperties("metrohub.security")
public record SecurityProperties(
        @DefaultValue("metrohub") @NotBlank String issuer,
        @NotNull Path signingKeyFile,
        @DefaultValue("15m") @NotNull Duration accessTokenTtl,
        @DefaultValue("12h") @NotNull Duration refreshTokenTtl,
        @DefaultValue("2m") @NotNull Duration roomTokenTtl,
        @DefaultValue("10") @Min(1) int loginAttemptsPerMinute,
        @DefaultValue("32") @Min(1) int maxPendingPasswordChecks,
        @DefaultValue @NotNull Oidc oidc,
        @DefaultValue @NotNull Demo demo) {

    /**
     * @param issuerUri  the issuer's URI; its discovery document gives the JWK set when no jwkSetUri is set
     * @param jwkSetUri  the issuer's JWK set, when given explicitly
     * @param rolesClaim where the roles are: a claim name, dotted for nested ones ({@code realm_access.roles})
     * @param tenantClaim the claim holding the user's tenant (municipality)
     * @param audience   when set, the {@code aud} external tokens must contain
     */
    public record Oidc(URI issuerUri, URI jwkSetUri,
                       @DefaultValue("roles") @NotBlank String rolesClaim,
                       @DefaultValue("tenant") @NotBlank String tenantClaim,
                       String audience) {
        public boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }
    }

    /** @param enabled seed the demo tenants and users; @param password the password of every demo user */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("demo") @NotBlank String password) {
    }
}
