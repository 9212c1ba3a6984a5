package org.metrohub.portal.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the caller ({@link CurrentUser}) and the verified token it came with. */
public final class MetroHubAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final Jwt token;

    public MetroHubAuthentication(CurrentUser user, Jwt token) {
        super(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return user.username();
    }

}
