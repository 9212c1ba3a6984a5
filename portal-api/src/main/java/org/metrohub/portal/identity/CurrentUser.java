package org.metrohub.portal.identity;

import java.util.Set;

/**
 * The authenticated caller, as every handler sees it: taken from a verified access token.
 *
 * @param id       stable user id (our UUID, or an external issuer's subject)
 * @param username the login name, e.g. {@code teacher@riverton}
 * @param tenant   the municipality the user belongs to; every record they touch must be of this tenant
 */
public record CurrentUser(String id, String username, String displayName, String tenant, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
