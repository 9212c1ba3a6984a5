package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.media.sfu.Drop;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.SignallingClient;
import org.metrohub.portal.testing.TestHub;
import org.metrohub.portal.web.Audit;
import org.slf4j.LoggerFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Operating the in-process media node on real hubs: its Prometheus metrics (node, every drop reason, ICE, and
 * per-endpoint series that come and go with a WebSocket participant), the ADMIN API (load, a room's media within
 * the tenant, drain with an audit line), and the optional control API switch.
 */
class MediaOperationsIT {

    private static final String CONTROL_SECRET = "operations-it-control-secret-0123456789";

    private static TestHub hub;
    private static WebTestClient client;
    private static String admin;
    private static String teacher;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        admin = hub.login("admin@riverton");
        teacher = hub.login("teacher@riverton");
    }

    @Test
    void theScrapeShowsTheNodeAndAParticipantsSeriesUntilTheyLeave() {
        Object room = Rooms.create(hub, teacher, "CLASS", "Metrics " + System.nanoTime()).get("id");
        try (SignallingClient socket = SignallingClient.open(hub, room)) {
            String participant = socket.joinAndAwait((String) Rooms.join(hub, teacher, room).get("roomToken"))
                    .path("participantId").asString();

            String scrape = scrape();
            for (String name : List.of("metrohub_media_rooms", "metrohub_media_endpoints", "metrohub_media_streams",
                    "metrohub_media_packets_per_second", "metrohub_media_cpu_load", "metrohub_media_draining",
                    "metrohub_media_keyframe_requests_total", "metrohub_media_ice_unknown_ufrag_total")) {
                assertThat(series(scrape, name)).as(name).hasSize(1);
            }
            for (String name : List.of("metrohub_media_packets_total", "metrohub_media_bytes_total")) {
                assertThat(series(scrape, name)).as(name).hasSize(2)
                        .anySatisfy(s -> assertThat(s).contains("direction=\"in\""))
                        .anySatisfy(s -> assertThat(s).contains("direction=\"out\""));
            }
            List<String> drops = series(scrape, "metrohub_media_dropped_total");
            for (Drop reason : Drop.values()) {
                assertThat(drops).as("drop reason %s", reason)
                        .anySatisfy(s -> assertThat(s).contains("reason=\"" + MediaNodeMetrics.reasonTag(reason) + "\""));
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(value(scrape(), "metrohub_media_endpoints")).isGreaterThanOrEqualTo(1));

            List<String> mine = endpointSeries(scrape, room);
            assertThat(mine).hasSize(6).allSatisfy(s -> assertThat(s).contains("endpoint=\"" + participant + "\""));
            assertThat(mine.stream().map(s -> s.substring(0, s.indexOf('{'))).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("metrohub_media_endpoint_packets_total",
                            "metrohub_media_endpoint_bytes_total", "metrohub_media_endpoint_keyframe_requests_total",
                            "metrohub_media_endpoint_dropped_total");

            socket.send("{\"type\":\"leave\"}");
            socket.awaitClosed();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(endpointSeries(scrape(), room)).isEmpty());
        assertThat(series(scrape(), "metrohub_media_rooms")).hasSize(1);
    }

    @Test
    void loadAndARoomsMediaAreForAdminsAndOnlyWithinTheirTenant() {
        Object room = Rooms.create(hub, teacher, "CLASS", "Media API " + System.nanoTime()).get("id");
        Object quiet = Rooms.create(hub, teacher, "CLASS", "Nobody here " + System.nanoTime()).get("id");
        try (SignallingClient socket = SignallingClient.open(hub, room)) {
            String participant = socket.joinAndAwait((String) Rooms.join(hub, teacher, room).get("roomToken"))
                    .path("participantId").asString();

            client.get().uri("/api/media/load").headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.nodeId").isNotEmpty()
                    .jsonPath("$.rooms").value(Integer.class, n -> assertThat(n).isPositive())
                    .jsonPath("$.endpoints").value(Integer.class, n -> assertThat(n).isPositive())
                    .jsonPath("$.draining").isEqualTo(false);
            Problem.expect(client.get().uri("/api/media/load").headers(h -> h.setBearerAuth(teacher)).exchange(), 403);
            Problem.expect(client.get().uri("/api/media/load").exchange(), 401);

            client.get().uri("/api/rooms/{id}/media", room).headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.roomId").isEqualTo(room.toString())
                    .jsonPath("$.open").isEqualTo(true)
                    .jsonPath("$.items.length()").isEqualTo(1)
                    .jsonPath("$.items[0].id").isEqualTo(participant)
                    .jsonPath("$.items[0].displayName").isNotEmpty()
                    .jsonPath("$.items[0].state").isNotEmpty()
                    .jsonPath("$.items[0].packetsReceived").isEqualTo(0)
                    .jsonPath("$.items[0].drops").exists();
            client.get().uri("/api/rooms/{id}/media", quiet).headers(h -> h.setBearerAuth(admin)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.open").isEqualTo(false)
                    .jsonPath("$.items.length()").isEqualTo(0);
            Problem.expect(client.get().uri("/api/rooms/{id}/media", room)
                    .headers(h -> h.setBearerAuth(hub.login("admin@lakeside"))).exchange(), 403);
            Problem.expect(client.get().uri("/api/rooms/{id}/media", room)
                    .headers(h -> h.setBearerAuth(teacher)).exchange(), 403);
            Problem.expect(client.get().uri("/api/rooms/{id}/media", UUID.randomUUID())
                    .headers(h -> h.setBearerAuth(admin)).exchange(), 404);
            Problem.expect(client.get().uri("/api/rooms/{id}/media", "not-a-room")
                    .headers(h -> h.setBearerAuth(admin)).exchange(), 400);
        }
    }

    @Test
    void drainIsForAdminsAuditedAndRefusesNewRoomsAndTheControlApiSwitchServesTheSameNode() throws Exception {
        int controlPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            controlPort = probe.getLocalPort();
        }
        // Draining is for good: a hub of its own, so the shared one keeps taking rooms.
        try (TestHub other = TestHub.start(Map.of("metrohub.media.control.port", controlPort,
                "metrohub.media.control.secret", CONTROL_SECRET))) {
            ListAppender<ILoggingEvent> audit = new ListAppender<>();
            audit.start();
            Logger auditLogger = (Logger) LoggerFactory.getLogger(Audit.LOGGER);
            auditLogger.addAppender(audit);
            try {
                WebTestClient otherClient = other.client();
                String otherAdmin = other.login("admin@riverton");
                String otherTeacher = other.login("teacher@riverton");
                assertThat(control(controlPort, "GET", "/v1/load", null).statusCode()).isEqualTo(401);
                assertThat(control(controlPort, "GET", "/v1/load", CONTROL_SECRET).body())
                        .contains("\"draining\":false");

                Problem.expect(otherClient.post().uri("/api/media/drain").headers(h -> h.setBearerAuth(otherTeacher))
                        .exchange(), 403);
                assertThat(audit.list).isEmpty();
                otherClient.post().uri("/api/media/drain").headers(h -> h.setBearerAuth(otherAdmin)).exchange()
                        .expectStatus().isAccepted().expectBody()
                        .jsonPath("$.draining").isEqualTo(true)
                        .jsonPath("$.nodeId").isNotEmpty();

                String adminId = (String) otherClient.get().uri("/api/me").headers(h -> h.setBearerAuth(otherAdmin))
                        .exchange().expectBody(Map.class).returnResult().getResponseBody().get("id");
                assertThat(audit.list).singleElement().satisfies(event -> {
                    assertThat(event.getLevel()).hasToString("INFO");
                    assertThat(event.getFormattedMessage()).contains("media.drain", adminId, "admin@riverton");
                    Map<String, Object> fields = event.getKeyValuePairs().stream()
                            .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
                    assertThat(fields).containsEntry("actor", adminId).containsEntry("action", "media.drain")
                            .containsEntry("tenant", "riverton");
                    assertThat((String) fields.get("target")).startsWith("media-node:");
                });

                assertThat(control(controlPort, "GET", "/v1/load", CONTROL_SECRET).body())
                        .contains("\"draining\":true");
                Object room = Rooms.create(other, otherTeacher, "CLASS", "After drain").get("id");
                try (SignallingClient socket = SignallingClient.open(other, room)) {
                    socket.join((String) Rooms.join(other, otherTeacher, room).get("roomToken"));
                    assertThat(socket.nextError("room-unavailable").path("message").asString()).contains("draining");
                    socket.awaitClosed();
                }
            } finally {
                auditLogger.detachAppender(audit);
            }
        }
    }

    private static String scrape() {
        return client.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** The sample lines of one metric (with or without labels). */
    private static List<String> series(String scrape, String name) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .toList();
    }

    private static double value(String scrape, String name) {
        String line = series(scrape, name).getFirst();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static List<String> endpointSeries(String scrape, Object room) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith("metrohub_media_endpoint_") && line.contains("room=\"" + room + "\""))
                .toList();
    }

    private static HttpResponse<String> control(int port, String method, String path, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
