package org.metrohub.portal.identity;

import java.util.Set;
import java.util.UUID;

/** A user record as stored: the caller it becomes once signed in, plus the password hash. */
record UserAccount(UUID id, String tenant, String username, String displayName, String passwordHash, Set<Role> roles) {

    CurrentUser toCurrentUser() {
        return new CurrentUser(id.toString(), username, displayName, tenant, roles);
    }
}
