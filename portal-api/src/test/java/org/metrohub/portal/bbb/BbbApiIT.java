package org.metrohub.portal.bbb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.elearning.bbb.ChecksumAlgorithm;
import org.metrohub.elearning.bbb.ChecksumVerifier;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The BigBlueButton-compatible API over HTTP against a real hub, as an LMS plugin drives it: checksums made with
 * the library's {@link ChecksumVerifier#sign}, then the browser's side of {@code join}: the guest ticket of the
 * redirect, exchanged once for an access token confined to the meeting's room.
 */
class BbbApiIT {

    private static final String SECRET = "bbb-it-shared-secret-0123456789abcdef";
    private static final Map<String, Object> ENABLED = Map.of(
            "metrohub.bbb.enabled", "true",
            "metrohub.bbb.secret", SECRET,
            "metrohub.bbb.tenant", "riverton");
    private static final ChecksumVerifier LMS = new ChecksumVerifier(SECRET, EnumSet.allOf(ChecksumAlgorithm.class));

    private static TestHub hub;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        hub = TestHub.start(ENABLED);
        client = hub.client();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void theApiRootAnswersWithTheVersionWithoutAChecksum() {
        Document root = xml(client.get().uri("/bigbluebutton/api").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(text(root, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(root, "version")).isEqualTo("2.0");
    }

    @Test
    void createMakesARoomAndARepeatedCreateIsADuplicateOfTheSameMeeting() {
        String id = meetingId();
        Document created = call("create", "meetingID=" + enc(id) + "&name=" + enc("Algebra 1") + "&attendeePW=ap&moderatorPW=mp"
                + "&meta_course=" + enc("Maths"));
        assertThat(text(created, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(created, "meetingID")).isEqualTo(id);
        assertThat(text(created, "messageKey")).isEmpty();
        Document again = call("create", "meetingID=" + enc(id) + "&name=" + enc("Algebra 1") + "&attendeePW=ap&moderatorPW=mp");
        assertThat(text(again, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(again, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(text(again, "internalMeetingID")).isEqualTo(text(created, "internalMeetingID"));
        Document otherPasswords = call("create", "meetingID=" + enc(id) + "&name=x1&attendeePW=zz&moderatorPW=yy");
        assertThat(text(otherPasswords, "messageKey")).isEqualTo("idNotUnique");

        Map<?, ?> guest = exchange(ticket(joinRedirect(id, "Ann Admin", "role=viewer")));
        Map<?, ?> room = client.get().uri("/api/rooms/{id}", guest.get("roomId"))
                .headers(h -> h.setBearerAuth(hub.login("admin@riverton"))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(room.get("kind")).isEqualTo("CLASS");
        assertThat(room.get("name")).isEqualTo("Algebra 1");
        assertThat(room.get("tenant")).isEqualTo("riverton");
        Document info = call("getMeetingInfo", "meetingID=" + enc(id));
        assertThat(text(info, "course")).isEqualTo("Maths");
    }

    @Test
    void aWrongChecksumIsAChecksumErrorAndSha1IsOffUnlessConfigured() {
        String query = "meetingID=" + enc(meetingId()) + "&name=Nope";
        Document wrong = get("create", query + "&checksum=" + "0".repeat(64));
        assertThat(text(wrong, "returncode")).isEqualTo("FAILED");
        assertThat(text(wrong, "messageKey")).isEqualTo("checksumError");
        Document sha1 = get("create", LMS.signedQuery("create", query, ChecksumAlgorithm.SHA1));
        assertThat(text(sha1, "messageKey")).isEqualTo("checksumError");
        Document sha512 = get("isMeetingRunning", LMS.signedQuery("isMeetingRunning", "meetingID=abc",
                ChecksumAlgorithm.SHA512));
        assertThat(text(sha512, "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void aJoinRedirectCarriesATicketThatWorksOnceForThatRoomOnly() {
        String id = meetingId();
        call("create", "meetingID=" + enc(id) + "&name=" + enc("History") + "&attendeePW=ap&moderatorPW=mp");
        assertThat(text(call("isMeetingRunning", "meetingID=" + enc(id)), "running")).isEqualTo("false");

        String ticket = ticket(joinRedirect(id, "Sam Student", "password=ap&userID=lms-42"));
        Map<String, Object> guest = exchange(ticket);
        assertThat(guest.get("roomRole")).isEqualTo("PARTICIPANT");
        assertThat(guest).doesNotContainKey("refreshToken");
        assertThat(((Map<?, ?>) guest.get("user")).get("displayName")).isEqualTo("Sam Student");
        assertThat(((Map<?, ?>) guest.get("user")).get("roles")).isEqualTo(List.of("GUEST"));
        String token = (String) guest.get("accessToken");
        Object roomId = guest.get("roomId");

        client.get().uri("/api/rooms/{id}", roomId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("History");
        client.post().uri("/api/rooms/{id}/join", roomId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("PARTICIPANT");
        Map<String, Object> other = Rooms.create(hub, hub.login("teacher@riverton"), "CLASS", "Another class");
        client.get().uri("/api/rooms/{id}", other.get("id")).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/rooms/{id}/join", other.get("id")).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/rooms").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        client.get().uri("/api/events").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        client.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tenant").isEqualTo("riverton");

        client.post().uri("/api/auth/guest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticket", ticket)).exchange().expectStatus().isUnauthorized();

        Document info = call("getMeetingInfo", "meetingID=" + enc(id));
        assertThat(text(info, "running")).isEqualTo("true");
        assertThat(text(info, "participantCount")).isEqualTo("1");
        assertThat(text(info, "fullName")).isEqualTo("Sam Student");
        assertThat(text(info, "role")).isEqualTo("VIEWER");
        assertThat(text(call("isMeetingRunning", "meetingID=" + enc(id)), "running")).isEqualTo("true");
        assertThat(all(call("getMeetings", ""), "meetingID")).contains(id);
    }

    @Test
    void aModeratorByPasswordOrRoleIsModeratorInThatRoom() {
        String id = meetingId();
        call("create", "meetingID=" + enc(id) + "&name=" + enc("Staff room") + "&attendeePW=ap&moderatorPW=mp");
        for (String how : List.of("password=mp", "role=MODERATOR")) {
            Map<?, ?> guest = exchange(ticket(joinRedirect(id, "Tess Teacher", how + "&userID=t-" + how.length())));
            assertThat(guest.get("roomRole")).as(how).isEqualTo("MODERATOR");
            client.post().uri("/api/rooms/{id}/join", guest.get("roomId"))
                    .headers(h -> h.setBearerAuth((String) guest.get("accessToken"))).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("MODERATOR");
        }
        Document info = call("getMeetingInfo", "meetingID=" + enc(id));
        assertThat(text(info, "moderatorCount")).isEqualTo("2");
        Document wrong = call("join", "meetingID=" + enc(id) + "&fullName=Eve&password=guess&redirect=false");
        assertThat(text(wrong, "messageKey")).isEqualTo("invalidPassword");
    }

    @Test
    void endClosesTheRoomAndACreateAfterwardsStartsANewMeeting() {
        String id = meetingId();
        call("create", "meetingID=" + enc(id) + "&name=" + enc("Short lesson") + "&attendeePW=ap&moderatorPW=mp");
        Object roomId = exchange(ticket(joinRedirect(id, "Moe Moderator", "role=moderator"))).get("roomId");

        Document ended = call("end", "meetingID=" + enc(id));
        assertThat(text(ended, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(ended, "messageKey")).isEqualTo("sentEndMeetingRequest");
        client.get().uri("/api/rooms/{id}", roomId).headers(h -> h.setBearerAuth(hub.login("admin@riverton")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        assertThat(text(call("isMeetingRunning", "meetingID=" + enc(id)), "running")).isEqualTo("false");
        assertThat(text(call("getMeetingInfo", "meetingID=" + enc(id)), "hasBeenForciblyEnded")).isEqualTo("true");
        Document late = call("join", "meetingID=" + enc(id) + "&fullName=Late&role=viewer&redirect=false");
        assertThat(text(late, "messageKey")).isEqualTo("meetingForciblyEnded");

        Document recreated = call("create", "meetingID=" + enc(id) + "&name=" + enc("Short lesson") + "&attendeePW=ap&moderatorPW=mp");
        assertThat(text(recreated, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(recreated, "messageKey")).isEmpty();
        Object newRoom = exchange(ticket(joinRedirect(id, "Moe Moderator", "role=moderator"))).get("roomId");
        assertThat(newRoom).isNotEqualTo(roomId);
    }

    @Test
    void getRecordingsAnswersNoRecordings() {
        Document recordings = call("getRecordings", "meetingID=" + enc(meetingId()));
        assertThat(text(recordings, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(recordings, "messageKey")).isEqualTo("noRecordings");
    }

    @Test
    void aFormPostIsAnsweredLikeTheQuery() {
        String id = meetingId();
        String body = LMS.signedQuery("create", "meetingID=" + enc(id) + "&name=" + enc("Posted class"));
        Document created = xml(client.post().uri("/bigbluebutton/api/create")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(text(created, "returncode")).isEqualTo("SUCCESS");
        assertThat(text(created, "meetingID")).isEqualTo(id);
    }

    @Test
    void anotherInstanceKnowsTheMeetingsFromTheDatabase() {
        String id = meetingId();
        call("create", "meetingID=" + enc(id) + "&name=" + enc("Kept") + "&attendeePW=ap&moderatorPW=mp");
        try (TestHub second = TestHub.start(ENABLED)) {
            Document info = xml(second.client().get().uri(URI.create(second.baseUrl() + "/bigbluebutton/api/getMeetingInfo?"
                            + LMS.signedQuery("getMeetingInfo", "meetingID=" + enc(id))))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            assertThat(text(info, "returncode")).isEqualTo("SUCCESS");
            assertThat(text(info, "meetingName")).isEqualTo("Kept");
            assertThat(text(info, "attendeePW")).isEqualTo("ap");
        }
    }

    @Test
    void whenDisabledTheWholePathIsNotFound() {
        WebTestClient disabled = TestHub.shared().client();
        disabled.get().uri("/bigbluebutton/api").exchange().expectStatus().isNotFound();
        disabled.get().uri(URI.create(TestHub.shared().baseUrl() + "/bigbluebutton/api/getMeetings?"
                + LMS.signedQuery("getMeetings", ""))).exchange().expectStatus().isNotFound();
    }

    // --- the LMS's side

    private static String meetingId() {
        return "it-" + UUID.randomUUID();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Document call(String call, String query) {
        return get(call, LMS.signedQuery(call, query));
    }

    private static Document get(String call, String signedQuery) {
        return xml(client.get().uri(URI.create(hub.baseUrl() + "/bigbluebutton/api/" + call + "?" + signedQuery))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** A {@code join} as the browser follows it: the 302's Location. */
    private static String joinRedirect(String meetingId, String fullName, String extra) {
        String query = "meetingID=" + enc(meetingId) + "&fullName=" + enc(fullName) + "&" + extra;
        EntityExchangeResult<byte[]> result = client.get()
                .uri(URI.create(hub.baseUrl() + "/bigbluebutton/api/join?" + LMS.signedQuery("join", query)))
                .exchange().expectStatus().isFound()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().returnResult();
        return result.getResponseHeaders().getLocation().toString();
    }

    private static String ticket(String location) {
        assertThat(location).startsWith("/#/join/");
        return location.substring("/#/join/".length());
    }

    /** The portal's {@code #/join/{ticket}} page: the ticket for a guest session. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> exchange(String ticket) {
        return (Map<String, Object>) client.post().uri("/api/auth/guest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticket", ticket)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Document xml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + body, e);
        }
    }

    /** The first element of that name's text, "" when there is none. */
    private static String text(Document document, String element) {
        NodeList nodes = document.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static List<String> all(Document document, String element) {
        NodeList nodes = document.getElementsByTagName(element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
