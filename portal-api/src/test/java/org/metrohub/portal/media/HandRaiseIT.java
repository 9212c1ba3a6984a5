package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.SignallingClient;
import org.metrohub.portal.testing.TestHub;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4's hand-raise queue over the signalling WebSocket (docs/media-signalling.md, {@code hand} and
 * {@code hands}): the official who created a meeting moderates it, a teacher and a student raise their hands, a
 * doctor comes late and sees the queue as it stands.
 */
class HandRaiseIT {

    private static final String RAISE = "{\"type\":\"hand\",\"raised\":true}";
    private static final String LOWER = "{\"type\":\"hand\",\"raised\":false}";

    private static TestHub hub;
    private static String official;
    private static String teacher;
    private static String student;
    private static String doctor;

    private final List<SignallingClient> sockets = new ArrayList<>();

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
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
    void handsQueueInOrderForEveryoneAndOnlyAModeratorLowersSomeoneElses() {
        Object room = Rooms.create(hub, official, "MEETING", "Hands " + System.nanoTime()).get("id");
        SignallingClient mod = open(room);
        mod.joinAndAwait(roomToken(official, room));
        assertThat(queue(mod.next("hands"))).isEmpty(); // a newcomer is told the queue right after joined
        SignallingClient t = open(room);
        JsonNode tJoined = t.joinAndAwait(roomToken(teacher, room));
        String tId = tJoined.path("participantId").asString();
        assertThat(queue(t.next("hands"))).isEmpty();
        SignallingClient s = open(room);
        String sId = s.joinAndAwait(roomToken(student, room)).path("participantId").asString();
        assertThat(queue(s.next("hands"))).isEmpty();
        List<SignallingClient> everyone = List.of(mod, t, s);

        // both raise, the teacher first: everyone sees that order
        t.send(RAISE);
        for (SignallingClient c : everyone) {
            assertThat(queue(c.next("hands"))).containsExactly(tId);
        }
        s.send(RAISE);
        JsonNode both = null;
        for (SignallingClient c : everyone) {
            both = c.next("hands");
            assertThat(queue(both)).containsExactly(tId, sId);
        }
        JsonNode first = both.path("queue").get(0);
        assertThat(first.path("displayName").asString()).isEqualTo(tJoined.path("displayName").asString());
        Instant tRaised = Instant.parse(first.path("raisedAt").asString());
        assertThat(Instant.parse(both.path("queue").get(1).path("raisedAt").asString())).isAfterOrEqualTo(tRaised);

        // the teacher lowers: the student is first
        t.send(LOWER);
        for (SignallingClient c : everyone) {
            assertThat(queue(c.next("hands"))).containsExactly(sId);
        }

        // the teacher raises again (now behind the student); the student raising twice keeps their place
        t.send(RAISE);
        for (SignallingClient c : everyone) {
            assertThat(queue(c.next("hands"))).containsExactly(sId, tId);
        }
        s.send(RAISE);
        assertThat(queue(s.next("hands"))).containsExactly(sId, tId); // only the sender hears: nothing changed
        mod.send("{\"type\":\"ping\"}");
        mod.next("pong");
        assertThat(mod.skipped()).noneMatch(m -> "hands".equals(m.path("type").asString()));

        // a participant may not lower someone else's hand
        t.send(lowerHand(sId));
        t.nextError("forbidden");

        // the moderator lowers the student's
        mod.send(lowerHand(sId));
        for (SignallingClient c : everyone) {
            assertThat(queue(c.next("hands"))).containsExactly(tId);
        }

        // a newcomer gets the queue as it stands right after joined
        SignallingClient late = open(room);
        late.joinAndAwait(roomToken(doctor, room));
        assertThat(queue(late.next("hands"))).containsExactly(tId);

        // leaving the room takes the hand down
        t.send("{\"type\":\"leave\"}");
        t.awaitClosed();
        for (SignallingClient c : List.of(mod, s, late)) {
            assertThat(queue(c.next("hands"))).isEmpty();
        }
    }

    @Test
    void aHandMessageWithoutABooleanIsRefused() {
        Object room = Rooms.create(hub, official, "MEETING", "Hands " + System.nanoTime()).get("id");
        SignallingClient t = open(room);
        t.joinAndAwait(roomToken(teacher, room));
        t.send("{\"type\":\"hand\",\"raised\":\"yes\"}");
        t.nextError("bad-message");
        t.send("{\"type\":\"moderate\",\"action\":\"lower-hand\"}");
        t.nextError("forbidden");
        assertThat(t.isClosed()).isFalse();
    }

    private static List<String> queue(JsonNode hands) {
        List<String> ids = new ArrayList<>();
        for (JsonNode h : hands.path("queue")) {
            ids.add(h.path("participantId").asString());
        }
        return ids;
    }

    private static String lowerHand(String participantId) {
        return "{\"type\":\"moderate\",\"action\":\"lower-hand\",\"participantId\":\"" + participantId + "\"}";
    }

    private SignallingClient open(Object room) {
        SignallingClient socket = SignallingClient.open(hub, room);
        sockets.add(socket);
        return socket;
    }

    private static String roomToken(String accessToken, Object room) {
        return (String) Rooms.join(hub, accessToken, room).get("roomToken");
    }
}
