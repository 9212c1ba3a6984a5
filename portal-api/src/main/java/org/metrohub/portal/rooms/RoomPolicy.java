package org.metrohub.portal.rooms;

import java.util.Map;
import java.util.Set;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.Role;
import org.metrohub.portal.web.ApiException;

/**
 * Who may do what with rooms. Everything is confined to the caller's tenant. Creating a room of a kind
 * needs the role that runs it (officials meet, teachers teach, doctors consult; admins may do all);
 * changing or closing a room needs its creator or an admin. A guest confined to one room (admitted through the
 * BigBlueButton-compatible API) sees that room only, with the role their ticket names.
 */
final class RoomPolicy {

    private static final Map<Role, Set<RoomKind>> CREATABLE = Map.of(
            Role.ADMIN, Set.of(RoomKind.values()),
            Role.OFFICIAL, Set.of(RoomKind.MEETING),
            Role.TEACHER, Set.of(RoomKind.CLASS),
            Role.DOCTOR, Set.of(RoomKind.CONSULTATION));

    private RoomPolicy() {
    }

    static void checkCreate(CurrentUser user, RoomKind kind) {
        boolean allowed = user.roles().stream().anyMatch(r -> CREATABLE.getOrDefault(r, Set.of()).contains(kind));
        if (!allowed) {
            throw ApiException.forbidden("Your role may not create a room of kind " + kind + ".");
        }
    }

    static void checkTenant(CurrentUser user, Room room) {
        if (!user.tenant().equals(room.tenant())) {
            throw ApiException.forbidden("This room belongs to another tenant.");
        }
        if (user.isConfined() && !user.scope().roomId().equals(room.id())) {
            throw ApiException.forbidden("Your guest access is for another room.");
        }
    }

    static void checkManage(CurrentUser user, Room room) {
        checkTenant(user, room);
        if (!user.isAdmin() && !user.id().equals(room.createdBy())) {
            throw ApiException.forbidden("Only the room's creator or an ADMIN may change it.");
        }
    }

    /** A confined guest has the role their ticket gave them in their room; others are moderators of their own rooms. */
    static String roleInRoom(CurrentUser user, Room room) {
        if (user.isConfined()) {
            return user.scope().roomId().equals(room.id()) ? user.scope().roomRole() : "PARTICIPANT";
        }
        return user.isAdmin() || user.id().equals(room.createdBy()) ? "MODERATOR" : "PARTICIPANT";
    }
}
