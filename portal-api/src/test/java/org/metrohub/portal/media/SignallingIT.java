package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.SignallingClient;
import org.metrohub.portal.testing.TestHub;
import org.metrohub.portal.testing.Tokens;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The media signalling WebSocket (docs/media-signalling.md) from a plain Java client against a real hub and its
 * in-process media node: who is admitted, which errors close the socket and which do not, the flood limit, and
 * what the others and the portal's presence and activity see when a participant comes and goes.
 */
class SignallingIT {

    private static TestHub hub;
    private static WebTestClient client;
    private static String teacher;
    private static String student;

    private final List<SignallingClient> sockets = new java.util.ArrayList<>();

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        teacher = hub.login("teacher@riverton");
        student = hub.login("student@riverton");
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(SignallingClient::close);
    }

    @Test
    void aForgedTokenIsRefusedAndTheSocketClosed() throws Exception {
        Object room = newRoom();
        SignallingClient socket = open(room);
        socket.join(Tokens.roomToken(Tokens.strangerKey(), "riverton", "TEACHER", room, Instant.now(),
                Instant.now().plusSeconds(120)));
        socket.nextError("bad-token");
        assertThat(socket.awaitClosed()).isEqualTo(1000);
    }

    @Test
    void anExpiredTokenSignedByTheHubIsRefused() throws Exception {
        Object room = newRoom();
        SignallingClient socket = open(room);
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        socket.join(Tokens.roomToken(Tokens.hubKey(), "riverton", "TEACHER", room, issued,
                issued.plus(Duration.ofMinutes(2)))); // expired 18 minutes ago, well past any clock skew allowed
        socket.nextError("bad-token");
        assertThat(socket.awaitClosed()).isEqualTo(1000);
    }

    @Test
    void aRoomTokenForAnotherRoomIsRefused() {
        Object room = newRoom();
        Object other = newRoom();
        SignallingClient socket = open(room);
        socket.join(roomToken(teacher, other));
        socket.nextError("wrong-room");
        assertThat(socket.awaitClosed()).isEqualTo(1000);
    }

    @Test
    void aFirstMessageOtherThanJoinIsRefused() {
        SignallingClient socket = open(newRoom());
        socket.send("{\"type\":\"ping\"}");
        socket.nextError("not-joined");
        assertThat(socket.awaitClosed()).isEqualTo(1000);
    }

    @Test
    void aMalformedOfferIsAnErrorButTheSessionGoesOn() {
        Object room = newRoom();
        SignallingClient socket = open(room);
        socket.joinAndAwait(roomToken(teacher, room));

        socket.send("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\nthis is no session description\\r\\n\"}");
        socket.nextError("bad-offer");
        socket.send("{\"type\":\"offer\"}");
        socket.nextError("bad-offer");
        socket.send("{\"type\":\"ping\"}");
        socket.next("pong");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void aBurstOf300MessagesIsAFloodAndClosesTheSocket() {
        Object room = newRoom();
        SignallingClient socket = open(room);
        socket.joinAndAwait(roomToken(teacher, room));

        int sent = 0;
        while (sent < 300 && socket.send("{\"type\":\"ping\"}")) {
            sent++;
        }
        socket.nextError("flood");
        assertThat(socket.awaitClosed()).isEqualTo(1000);
        long pongs = socket.skipped().stream().filter(m -> "pong".equals(m.path("type").asString())).count();
        assertThat(pongs).as("pongs before the flood was called").isPositive().isLessThan(300);
    }

    @Test
    void othersHearAParticipantComeAndGoAndThePortalForgetsThem() {
        Object room = newRoom();
        SignallingClient first = open(room);
        String firstId = first.joinAndAwait(roomToken(teacher, room)).path("participantId").asString();
        SignallingClient second = open(room);
        String secondId = second.joinAndAwait(roomToken(student, room)).path("participantId").asString();
        assertThat(firstId).isNotEqualTo(secondId);

        JsonNode joined = second.next("participant-joined");
        assertThat(joined.path("participantId").asString()).isEqualTo(firstId);
        assertThat(joined.path("displayName").asString()).isNotBlank();
        assertThat(first.next("participant-joined").path("participantId").asString()).isEqualTo(secondId);
        assertThat(participants(room)).contains(firstId, secondId);

        first.send("{\"type\":\"leave\"}");
        assertThat(second.next("participant-left").path("participantId").asString()).isEqualTo(firstId);
        first.awaitClosed();
        assertThat(second.isClosed()).isFalse();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(participants(room)).containsExactly(secondId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(activityTypes(room)).contains("org.metrohub.participant.left.v1"));
    }

    @Test
    void aPathWithoutARoomIdIsRefused() {
        for (String path : List.of("/media/rooms/not-a-room/signal",
                "/media/rooms/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz/signal")) {
            SignallingClient socket = SignallingClient.openPath(hub, path);
            sockets.add(socket);
            assertThat(socket.awaitClosed()).as(path).isEqualTo(1008);
            assertThat(socket.skipped()).isEmpty();
        }
    }

    private SignallingClient open(Object room) {
        SignallingClient socket = SignallingClient.open(hub, room);
        sockets.add(socket);
        return socket;
    }

    private static Object newRoom() {
        return Rooms.create(hub, teacher, "CLASS", "Signalling " + System.nanoTime()).get("id");
    }

    private static String roomToken(String accessToken, Object room) {
        return (String) Rooms.join(hub, accessToken, room).get("roomToken");
    }

    @SuppressWarnings("unchecked")
    private static List<String> participants(Object room) {
        Map<String, Object> body = client.get().uri("/api/rooms/{id}/participants", room)
                .headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("items")).stream().map(p -> (String) p.get("userId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> activityTypes(Object room) {
        Map<String, Object> body = client.get().uri("/api/rooms/{id}/activity", room)
                .headers(h -> h.setBearerAuth(teacher)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("items")).stream().map(e -> (String) e.get("type")).toList();
    }
}
