package org.metrohub.portal.identity;

import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserView(String id, String username, String displayName, String tenant, List<String> roles) {

    static UserView of(CurrentUser user) {
        return new UserView(user.id(), user.username(), user.displayName(), user.tenant(),
                user.roles().stream().map(Role::name).sorted().toList());
    }
}
