package org.metrohub.portal.identity;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The token decoders: one per audience for tokens this hub signed, and the access-token decoder that also
 * accepts an external OIDC issuer's tokens when one is configured. Each decoder checks signature, issuer,
 * expiry and audience, so a room token is no access token and a refresh token opens nothing else.
 */
public final class TokenDecoders {

    private TokenDecoders() {
    }

    /** Tokens this hub signed for {@code audience}. */
    public static ReactiveJwtDecoder local(SecurityProperties properties, SigningKey key, TokenAudience audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.just(key.publicJwk()))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                audienceValidator(audience.value())));
        return decoder;
    }

    /** Access tokens: ours, or, when configured, the external OIDC issuer's. */
    public static ReactiveJwtDecoder access(SecurityProperties properties, SigningKey key) {
        ReactiveJwtDecoder local = local(properties, key, TokenAudience.API);
        SecurityProperties.Oidc oidc = properties.oidc();
        ReactiveJwtDecoder external = oidc.enabled() ? external(oidc) : null;
        String externalIssuer = oidc.issuerUri() == null ? null : oidc.issuerUri().toString();
        return token -> {
            String issuer;
            try {
                issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
            } catch (ParseException e) {
                return Mono.error(new BadJwtException("The bearer token is not a well-formed JWT"));
            }
            if (properties.issuer().equals(issuer)) {
                return local.decode(token);
            }
            if (external != null && (externalIssuer == null || externalIssuer.equals(issuer))) {
                return external.decode(token);
            }
            return Mono.error(new BadJwtException("The bearer token's issuer is not trusted"));
        };
    }

    private static ReactiveJwtDecoder external(SecurityProperties.Oidc oidc) {
        NimbusReactiveJwtDecoder decoder = oidc.jwkSetUri() != null
                ? NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri().toString())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .jwsAlgorithm(SignatureAlgorithm.ES256)
                        .build()
                : NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri().toString()).build();
        OAuth2TokenValidator<Jwt> validator = oidc.issuerUri() != null
                ? JwtValidators.createDefaultWithIssuer(oidc.issuerUri().toString())
                : JwtValidators.createDefault();
        if (oidc.audience() != null && !oidc.audience().isBlank()) {
            validator = new DelegatingOAuth2TokenValidator<>(validator, audienceValidator(oidc.audience()));
        }
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audienceValidator(String audience) {
        return new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience));
    }
}
