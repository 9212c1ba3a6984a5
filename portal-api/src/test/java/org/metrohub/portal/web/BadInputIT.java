package org.metrohub.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.TestHub;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad input gets a clear 4xx problem, never a 500, and the hub keeps serving afterwards. */
class BadInputIT {

    private static TestHub hub;
    private static WebTestClient client;
    private static String official;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        official = hub.login("official@riverton");
    }

    private WebTestClient.ResponseSpec createRoom(String body) {
        return client.post().uri("/api/rooms").headers(h -> h.setBearerAuth(official))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":", "not json at all", "[1,2,3]", "{\"kind\":\"MEETING\",\"name\":}", "\u0000\u0001"})
    void malformedJsonGets400(String body) {
        Map<String, Object> problem = Problem.expect(createRoom(body), 400);
        assertThat((String) problem.get("detail")).doesNotContain("tools.jackson", "org.metrohub", "Exception");
        stillServes();
    }

    @Test
    void anUnknownEnumValueGets400NamingTheAcceptedValues() {
        Map<String, Object> problem = Problem.expect(createRoom("{\"kind\":\"PARTY\",\"name\":\"x\"}"), 400);
        assertThat((String) problem.get("detail")).contains("MEETING", "CONSULTATION", "CLASS", "PARTY");
        Problem.expect(client.get().uri("/api/rooms?status=HALF_OPEN").headers(h -> h.setBearerAuth(official)).exchange(), 400);
        stillServes();
    }

    @Test
    void missingOrOutOfRangeFieldsGet400NamingTheField() {
        assertThat((String) Problem.expect(createRoom("{\"kind\":\"MEETING\"}"), 400).get("detail")).contains("name");
        assertThat((String) Problem.expect(createRoom("{\"kind\":\"MEETING\",\"name\":\"x\",\"capacity\":100000}"), 400)
                .get("detail")).contains("capacity");
        assertThat((String) Problem.expect(createRoom("{\"kind\":\"MEETING\",\"name\":\"" + "n".repeat(500) + "\"}"), 400)
                .get("detail")).contains("name");
        Problem.expect(client.get().uri("/api/rooms?size=100000").headers(h -> h.setBearerAuth(official)).exchange(), 400);
        Problem.expect(client.get().uri("/api/rooms?page=abc").headers(h -> h.setBearerAuth(official)).exchange(), 400);
    }

    @Test
    void anOversizedBodyGets413() {
        String huge = "{\"kind\":\"MEETING\",\"name\":\"x\",\"description\":\"" + "d".repeat(200_000) + "\"}";
        Problem.expect(createRoom(huge), 413);
        stillServes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1' OR '1'='1", "../../etc/passwd", "<script>alert(1)</script>", "00000000-0000-0000-0000-00000000000g",
            "%00", "robert'); DROP TABLE room;--"})
    void injectionLookingIdsGet400(String id) {
        Problem.expect(client.get().uri(b -> b.path("/api/rooms/{id}").build(id))
                .headers(h -> h.setBearerAuth(official)).exchange(), 400);
        stillServes();
    }

    @Test
    void anUnknownRoomGets404AndAnUnknownRouteGets404() {
        Problem.expect(client.get().uri("/api/rooms/3f2b8c1e-0d4a-4b7e-9a51-2c6f0e8d9b13")
                .headers(h -> h.setBearerAuth(official)).exchange(), 404);
        Problem.expect(client.get().uri("/api/no-such-thing").headers(h -> h.setBearerAuth(official)).exchange(), 404);
    }

    @Test
    void aWrongContentTypeGets415() {
        Problem.expect(client.post().uri("/api/rooms").headers(h -> h.setBearerAuth(official))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("kind=MEETING").exchange(), 415);
    }

    @Test
    void aSearchTextWithWildcardsIsMatchedLiterally() {
        client.get().uri(b -> b.path("/api/rooms").queryParam("q", "%_\\").build())
                .headers(h -> h.setBearerAuth(official)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private void stillServes() {
        client.get().uri("/api/me").headers(h -> h.setBearerAuth(official)).exchange().expectStatus().isOk();
    }
}
