package org.metrohub.portal.identity;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller, as every handler sees it: taken from a verified access token.
 *
 * @param id       stable user id (our UUID, or an external issuer's subject)
 * @param username the login name, e.g. {@code teacher@riverton}
 * @param tenant   the municipality the user belongs to; every record they touch must be of this tenant
 * @param scope    for a guest admitted to one room (a BigBlueButton {@code join}), that room and their role in
 *                 it; null for everyone else
 */
public record CurrentUser(String id, String username, String displayName, String tenant, Set<Role> roles,
                          RoomScope scope) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public CurrentUser(String id, String username, String displayName, String tenant, Set<Role> roles) {
        this(id, username, displayName, tenant, roles, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** True for a guest who may see and join only the room of their {@link #scope}. */
    public boolean isConfined() {
        return scope != null;
    }

    /**
     * The one room a guest may see and join, and their role there ({@code MODERATOR} or {@code PARTICIPANT}, as
     * the rooms name it).
     */
    public record RoomScope(UUID roomId, String roomRole) {
        public static final String MODERATOR = "MODERATOR";
        public static final String PARTICIPANT = "PARTICIPANT";

        public RoomScope {
            Objects.requireNonNull(roomId);
            if (!MODERATOR.equals(roomRole) && !PARTICIPANT.equals(roomRole)) {
                throw new IllegalArgumentException("a room role is MODERATOR or PARTICIPANT, not " + roomRole);
            }
        }
    }
}
