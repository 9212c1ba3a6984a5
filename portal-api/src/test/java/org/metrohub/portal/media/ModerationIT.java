package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.SignallingClient;
import org.metrohub.portal.testing.TestHub;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Meeting moderation over the signalling WebSocket (docs/media-signalling.md, {@code moderate}): the official who
 * created a meeting is its moderator; a teacher and a student are participants, a doctor someone who comes late.
 */
class ModerationIT {

    private static TestHub hub;
    private static WebTestClient client;
    private static String official;
    private static String teacher;
    private static String student;
    private static String doctor;

    private final List<SignallingClient> sockets = new ArrayList<>();

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        official = hub.login("official@riverton");
        teacher = hub.login("teacher@riverton");
        student = hub.login("student@riverton");
        doctor = hub.login("doctor@riverton");
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(SignallingClient::close);
    }

    @Test
    void aModeratorMutesAParticipantAndTheOthersSeeItWhileAParticipantMayNotModerate() {
        Object room = newMeeting();
        SignallingClient mod = open(room);
        JsonNode modJoined = mod.joinAndAwait(roomToken(official, room));
        assertThat(modJoined.path("role").asString()).isEqualTo("MODERATOR");
        String modId = modJoined.path("participantId").asString();
        SignallingClient t = open(room);
        JsonNode tJoined = t.joinAndAwait(roomToken(teacher, room));
        assertThat(tJoined.path("role").asString()).isEqualTo("PARTICIPANT");
        String tId = tJoined.path("participantId").asString();
        SignallingClient s = open(room);
        String sId = s.joinAndAwait(roomToken(student, room)).path("participantId").asString();

        t.send(moderate("mute", sId, "audio", false));
        t.nextError("forbidden");

        mod.send(moderate("mute", sId, "audio", true));
        JsonNode forced = s.next("force-mute");
        assertThat(forced.path("kind").asString()).isEqualTo("audio");
        assertThat(forced.path("hold").asBoolean()).isTrue();
        assertThat(forced.path("by").asString()).isEqualTo(modId);
        for (SignallingClient everyone : List.of(mod, t, s)) {
            JsonNode muted = everyone.next("muted");
            assertThat(muted.path("participantId").asString()).isEqualTo(sId);
            assertThat(muted.path("kind").asString()).isEqualTo("audio");
            assertThat(muted.path("muted").asBoolean()).isTrue();
        }

        // held: the student's own unmute is refused until the moderator releases it
        s.send("{\"type\":\"mute\",\"kind\":\"audio\",\"muted\":false}");
        s.nextError("held");
        mod.send(moderate("release", sId, "audio", false));
        assertThat(s.next("mute-released").path("kind").asString()).isEqualTo("audio");
        s.send("{\"type\":\"mute\",\"kind\":\"audio\",\"muted\":false}");
        JsonNode unmuted = t.next("muted");
        assertThat(unmuted.path("participantId").asString()).isEqualTo(sId);
        assertThat(unmuted.path("muted").asBoolean()).isFalse();

        // mute-all spares the moderator
        mod.send(moderate("mute-all", null, "video", true));
        assertThat(t.next("force-mute").path("kind").asString()).isEqualTo("video");
        assertThat(s.next("force-mute").path("kind").asString()).isEqualTo("video");
        mod.send("{\"type\":\"ping\"}");
        mod.next("pong");
        assertThat(mod.skipped()).noneMatch(m -> "force-mute".equals(m.path("type").asString()));
        assertThat(tId).isNotEqualTo(modId);

        mod.send(moderate("mute", "nobody-here", "audio", false));
        mod.nextError("no-participant");
    }

    @Test
    void aLockedMeetingRefusesANewcomerButNotSomeoneAlreadyPresent() {
        Object room = newMeeting();
        SignallingClient mod = open(room);
        mod.joinAndAwait(roomToken(official, room));
        SignallingClient t = open(room);
        t.joinAndAwait(roomToken(teacher, room));

        t.send(moderate("lock", null, null, false));
        t.nextError("forbidden");
        mod.send(moderate("lock", null, null, false));
        t.next("room-locked");
        mod.next("room-locked");

        Map<String, Object> problem = Problem.expect(join(doctor, room), 409);
        assertThat(problem.get("detail")).isEqualTo("The room is locked.");
        join(teacher, room).expectStatus().isOk(); // present: may rejoin (a reconnect)
        join(official, room).expectStatus().isOk(); // a moderator always may
        SignallingClient late = open(room);
        late.join(roomToken(teacher, room));
        assertThat(late.next("joined").path("locked").asBoolean()).isTrue();

        mod.send(moderate("unlock", null, null, false));
        late.next("room-unlocked"); // the teacher's newer connection (it replaced the first)
        join(doctor, room).expectStatus().isOk();
    }

    @Test
    void aRemovedParticipantIsDisconnectedLeavesThePresenceAndIsRefusedUntilLetBackIn() {
        Object room = newMeeting();
        SignallingClient mod = open(room);
        mod.joinAndAwait(roomToken(official, room));
        SignallingClient t = open(room);
        String tId = t.joinAndAwait(roomToken(teacher, room)).path("participantId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(participants(room)).contains(tId));

        mod.send(moderate("remove", tId, null, false));
        assertThat(t.next("closed").path("reason").asString()).isEqualTo("removed by a moderator");
        t.awaitClosed();
        assertThat(mod.next("participant-left").path("participantId").asString()).isEqualTo(tId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(participants(room)).doesNotContain(tId));
        assertThat(mod.isClosed()).isFalse();

        Problem.expect(join(teacher, room), 403);
        mod.send(moderate("unban", tId, null, false));
        mod.send("{\"type\":\"ping\"}");
        mod.next("pong");
        join(teacher, room).expectStatus().isOk();
    }

    @Test
    void endingTheMeetingClosesTheRoomAndEveryonesMedia() {
        Object room = newMeeting();
        SignallingClient mod = open(room);
        mod.joinAndAwait(roomToken(official, room));
        SignallingClient t = open(room);
        t.joinAndAwait(roomToken(teacher, room));
        SignallingClient s = open(room);
        s.joinAndAwait(roomToken(student, room));

        s.send(moderate("end", null, null, false));
        s.nextError("forbidden");
        mod.send(moderate("end", null, null, false));
        for (SignallingClient everyone : List.of(mod, t, s)) {
            assertThat(everyone.next("closed").path("reason").asString()).isNotBlank();
            everyone.awaitClosed();
        }
        Map<?, ?> body = client.get().uri("/api/rooms/{id}", room).headers(h -> h.setBearerAuth(official))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("status")).isEqualTo("CLOSED");
        Problem.expect(join(teacher, room), 409);
    }

    private static String moderate(String action, String participantId, String kind, boolean hold) {
        StringBuilder m = new StringBuilder("{\"type\":\"moderate\",\"action\":\"").append(action).append('"');
        if (participantId != null) {
            m.append(",\"participantId\":\"").append(participantId).append('"');
        }
        if (kind != null) {
            m.append(",\"kind\":\"").append(kind).append('"');
        }
        if (hold) {
            m.append(",\"hold\":true");
        }
        return m.append('}').toString();
    }

    private SignallingClient open(Object room) {
        SignallingClient socket = SignallingClient.open(hub, room);
        sockets.add(socket);
        return socket;
    }

    private static Object newMeeting() {
        return Rooms.create(hub, official, "MEETING", "Moderation " + System.nanoTime()).get("id");
    }

    private static String roomToken(String accessToken, Object room) {
        return (String) Rooms.join(hub, accessToken, room).get("roomToken");
    }

    private static WebTestClient.ResponseSpec join(String accessToken, Object room) {
        return client.post().uri("/api/rooms/{id}/join", room).headers(h -> h.setBearerAuth(accessToken)).exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<String> participants(Object room) {
        Map<String, Object> body = client.get().uri("/api/rooms/{id}/participants", room)
                .headers(h -> h.setBearerAuth(official)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("items")).stream().map(p -> (String) p.get("userId")).toList();
    }
}
