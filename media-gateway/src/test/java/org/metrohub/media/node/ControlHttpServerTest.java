package org.metrohub.media.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.ice.IceSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's control API over real HTTP on 127.0.0.1, in front of a real {@link LocalMediaNode} on ephemeral
 * ports: authentication, each resource's answers and errors (RFC 9457 problems), drain.
 */
class ControlHttpServerTest {

    private static final String SECRET = "a-control-secret-of-at-least-32-characters";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalMediaNode node;
    private ControlHttpServer server;

    @BeforeEach
    void start() throws Exception {
        node = new LocalMediaNode(new NodeSettings("test-node",
                IceSettings.defaults().withUdpPort(0).withTcpPort(IceSettings.TCP_DISABLED), SfuSettings.defaults()));
        server = new ControlHttpServer(node, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
        node.close();
    }

    @Test
    void refusesCallsWithoutOrWithAWrongBearerTokenAsProblems() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong-secret", "Bearer " + SECRET + "x",
                "Basic " + SECRET, "Bearer"}) {
            HttpResponse<String> response = call("GET", "/v1/load", authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertProblem(response, 401);
        }
        assertThat(node.rooms()).isEmpty();
        HttpResponse<String> ok = call("GET", "/v1/load", "Bearer " + SECRET);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).path("nodeId").asString()).isEqualTo("test-node");
    }

    @Test
    void aRoomIsOpenedWith201ThenAnswered200AndListed() throws Exception {
        HttpResponse<String> created = call("PUT", "/v1/rooms/room-1");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("roomId").asString()).isEqualTo("room-1");
        assertThat(json(created).path("endpoints").asInt()).isZero();
        assertThat(node.room("room-1")).isPresent();

        node.room("room-1").orElseThrow().join("alice", "Alice", new RecordingListener());
        HttpResponse<String> again = call("PUT", "/v1/rooms/room-1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("endpoints").asInt()).isEqualTo(1);

        call("PUT", "/v1/rooms/room_2");
        HttpResponse<String> list = call("GET", "/v1/rooms");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode rooms = json(list);
        assertThat(rooms.size()).isEqualTo(2);
        assertThat(rooms.valueStream().map(r -> r.path("roomId").asString() + "=" + r.path("endpoints").asInt()))
                .containsExactlyInAnyOrder("room-1=1", "room_2=0");
    }

    @Test
    void aRoomsEndpointsComeWithStatisticsAndAnUnknownRoomIs404() throws Exception {
        node.openRoom("room-1").join("alice", "Alice", new RecordingListener());
        node.openRoom("room-1").join("bob", "Bob", new RecordingListener());

        HttpResponse<String> endpoints = call("GET", "/v1/rooms/room-1/endpoints");
        assertThat(endpoints.statusCode()).isEqualTo(200);
        JsonNode list = json(endpoints);
        assertThat(list.valueStream().map(e -> e.path("id").asString())).containsExactly("alice", "bob");
        JsonNode alice = list.get(0);
        assertThat(alice.path("displayName").asString()).isEqualTo("Alice");
        assertThat(alice.path("state").asString()).isEqualTo("NEW");
        assertThat(alice.path("packetsReceived").asLong()).isZero();
        assertThat(alice.has("drops")).isTrue();
        assertThat(alice.has("tracks")).isTrue();

        HttpResponse<String> unknown = call("GET", "/v1/rooms/nobody-here/endpoints");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, 404);
    }

    @Test
    void deletingAnOpenRoomIs204AndDisconnectsItsEndpointsAndDeletingAgainIs404() throws Exception {
        RecordingListener alice = new RecordingListener();
        node.openRoom("room-1").join("alice", "Alice", alice);

        HttpResponse<String> deleted = call("DELETE", "/v1/rooms/room-1");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(node.room("room-1")).isEmpty();
        assertThat(alice.events).contains("closed closed through the control API");

        HttpResponse<String> again = call("DELETE", "/v1/rooms/room-1");
        assertThat(again.statusCode()).isEqualTo(404);
        assertProblem(again, 404);
    }

    @Test
    void drainingAnswers202WithTheLoadThenNewRoomsAre409AndOpenOnesStay() throws Exception {
        node.openRoom("open-before");

        HttpResponse<String> drain = call("POST", "/v1/drain");
        assertThat(drain.statusCode()).isEqualTo(202);
        assertThat(json(drain).path("draining").asBoolean()).isTrue();
        assertThat(json(drain).path("rooms").asInt()).isEqualTo(1);
        assertThat(node.draining()).isTrue();

        HttpResponse<String> refused = call("PUT", "/v1/rooms/new-room");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(assertProblem(refused, 409).path("detail").asString()).contains("draining");
        assertThat(node.room("new-room")).isEmpty();

        assertThat(call("PUT", "/v1/rooms/open-before").statusCode()).isEqualTo(200);
        assertThat(json(call("GET", "/v1/load")).path("draining").asBoolean()).isTrue();
    }

    @Test
    void aRoomIdOutsideItsAlphabetOrLongerThan64IsNotFound() throws Exception {
        for (String path : new String[] {"/v1/rooms/bad%20id", "/v1/rooms/a.b", "/v1/rooms/" + "r".repeat(65),
                "/v1/rooms/", "/v1/rooms/r1/other", "/v2/load", "/"}) {
            HttpResponse<String> response = call("PUT", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertProblem(response, 404);
        }
        assertThat(node.rooms()).isEmpty();
        assertThat(call("PUT", "/v1/rooms/" + "r".repeat(64)).statusCode()).isEqualTo(201);
    }

    @Test
    void aWrongMethodIs405AndSaysWhichAreAllowed() throws Exception {
        String[][] cases = {
                {"POST", "/v1/rooms", "GET"},
                {"DELETE", "/v1/load", "GET"},
                {"GET", "/v1/drain", "POST"},
                {"POST", "/v1/rooms/room-1", "PUT, DELETE"},
                {"GET", "/v1/rooms/room-1", "PUT, DELETE"},
                {"PUT", "/v1/rooms/room-1/endpoints", "GET"}};
        for (String[] c : cases) {
            HttpResponse<String> response = call(c[0], c[1]);
            assertThat(response.statusCode()).as(c[0] + " " + c[1]).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(c[0] + " " + c[1]).hasValue(c[2]);
            assertProblem(response, 405);
        }
        assertThat(node.rooms()).isEmpty();
        assertThat(node.draining()).isFalse();
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        return call(method, path, "Bearer " + SECRET);
    }

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }
}
