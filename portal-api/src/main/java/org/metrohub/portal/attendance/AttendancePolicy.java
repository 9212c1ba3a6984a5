package org.metrohub.portal.attendance;

import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.Room;
import org.metrohub.portal.web.ApiException;

/**
 * Who may read attendance. A room's report: its creator (the teacher, doctor or official who runs it) or an
 * ADMIN of its tenant (the tenant itself is checked by the rooms service first). A user's report across rooms:
 * the user themself or an ADMIN, who sees only rooms of their own tenant.
 */
final class AttendancePolicy {

    private AttendancePolicy() {
    }

    static void checkReadRoom(CurrentUser user, Room room) {
        if (!user.tenant().equals(room.tenant())) {
            throw ApiException.forbidden("This room belongs to another tenant.");
        }
        if (!user.isAdmin() && !user.id().equals(room.createdBy())) {
            throw ApiException.forbidden("Only the room's creator or an ADMIN may read its attendance.");
        }
    }

    static void checkReadUser(CurrentUser user, String userId) {
        if (!user.isAdmin() && !user.id().equals(userId)) {
            throw ApiException.forbidden("Only the user themself or an ADMIN may read a user's attendance.");
        }
    }
}
