package org.metrohub.portal.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.Role;
import org.metrohub.portal.web.ApiException;

/** A guest's role comes from their ticket, in their room only; signed-in users keep creator/admin moderation. */
class RoomPolicyTest {

    private static final Room ROOM = room();
    private static final Room OTHER = room();

    @Test
    void aModeratorGuestIsModeratorOfTheirRoomOnly() {
        CurrentUser guest = guest(ROOM.id(), "MODERATOR");
        assertThat(RoomPolicy.roleInRoom(guest, ROOM)).isEqualTo("MODERATOR");
        assertThat(RoomPolicy.roleInRoom(guest, OTHER)).isEqualTo("PARTICIPANT");
        assertThatThrownBy(() -> RoomPolicy.checkTenant(guest, OTHER)).isInstanceOf(ApiException.class)
                .hasMessageContaining("another room");
        assertThatThrownBy(() -> RoomPolicy.checkManage(guest, ROOM)).isInstanceOf(ApiException.class);
    }

    @Test
    void aViewerGuestIsParticipant() {
        CurrentUser guest = guest(ROOM.id(), "PARTICIPANT");
        RoomPolicy.checkTenant(guest, ROOM);
        assertThat(RoomPolicy.roleInRoom(guest, ROOM)).isEqualTo("PARTICIPANT");
    }

    @Test
    void signedInUsersAreUnchanged() {
        CurrentUser creator = new CurrentUser("creator", "admin@riverton", "Admin", "riverton", Set.of(Role.TEACHER));
        CurrentUser student = new CurrentUser("s1", "student@riverton", "Student", "riverton", Set.of(Role.STUDENT));
        assertThat(RoomPolicy.roleInRoom(creator, ROOM)).isEqualTo("MODERATOR");
        assertThat(RoomPolicy.roleInRoom(student, ROOM)).isEqualTo("PARTICIPANT");
        RoomPolicy.checkTenant(student, OTHER);
    }

    private static CurrentUser guest(UUID room, String role) {
        return new CurrentUser(UUID.randomUUID().toString(), "guest", "Guest", "riverton", Set.of(Role.GUEST),
                new CurrentUser.RoomScope(room, role));
    }

    private static Room room() {
        Instant now = Instant.parse("2026-11-25T04:00:00Z");
        return new Room(UUID.randomUUID(), "riverton", RoomKind.CLASS, "Class", "", 30, RoomStatus.OPEN, "creator", now,
                now, 0);
    }
}
