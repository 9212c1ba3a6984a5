package org.metrohub.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** A guest confined to a room reaches that room's calls only; everyone else passes untouched. */
class GuestConfinementTest {

    private static final UUID ROOM = UUID.fromString("3f2b8c1e-0d4a-4b7e-9a51-2c6f0e8d9b13");
    private static final CurrentUser GUEST = new CurrentUser("g1", "guest:g1", "Sam", "riverton", Set.of(Role.GUEST),
            new CurrentUser.RoomScope(ROOM, "MODERATOR"));

    @Test
    void aGuestMaySeeJoinAndLeaveTheirRoomAndReadTheirProfile() {
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/me")).isTrue();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/rooms/" + ROOM)).isTrue();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/rooms/" + ROOM + "/participants")).isTrue();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.POST, "/api/rooms/" + ROOM + "/join")).isTrue();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.POST, "/api/rooms/" + ROOM + "/leave")).isTrue();
    }

    @Test
    void aGuestMayDoNothingElse() {
        UUID other = UUID.randomUUID();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/rooms/" + other)).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.POST, "/api/rooms/" + other + "/join")).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/rooms")).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.POST, "/api/rooms/" + ROOM + "/close")).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.PATCH, "/api/rooms/" + ROOM)).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/rooms/" + ROOM + "/activity")).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/events")).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/tenants/riverton/users")).isFalse();
        assertThat(GuestConfinement.permits(GUEST, HttpMethod.GET, "/api/media/load")).isFalse();
    }

    @Test
    void usersWithoutARoomScopeAreNotConfined() {
        CurrentUser teacher = new CurrentUser("t1", "teacher@riverton", "Teacher", "riverton", Set.of(Role.TEACHER));
        assertThat(teacher.isConfined()).isFalse();
        assertThat(GuestConfinement.permits(teacher, HttpMethod.GET, "/api/rooms")).isTrue();
        assertThat(GuestConfinement.permits(teacher, HttpMethod.GET, "/api/events")).isTrue();
    }
}
