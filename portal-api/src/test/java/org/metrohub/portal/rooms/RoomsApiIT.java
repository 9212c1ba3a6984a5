package org.metrohub.portal.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.Problem;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The rooms API end to end: create, list (paged, filtered), get, update, close, join, leave. */
class RoomsApiIT {

    private static TestHub hub;
    private static WebTestClient client;
    private static String doctor;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
        doctor = hub.login("doctor@lakeside");
    }

    @Test
    void aCreatedRoomHasALocationAndCanBeRead() {
        WebTestClient.ResponseSpec created = client.post().uri("/api/rooms").headers(h -> h.setBearerAuth(doctor))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "consultation", "name", "  Follow-up  ", "description", "Knee", "capacity", 3))
                .exchange().expectStatus().isCreated();
        Map<?, ?> room = created.expectBody(Map.class).returnResult().getResponseBody();
        created.expectHeader().location("/api/rooms/" + room.get("id"));
        assertThat(room.get("kind")).isEqualTo("CONSULTATION");
        assertThat(room.get("name")).isEqualTo("Follow-up");
        assertThat(room.get("status")).isEqualTo("OPEN");
        assertThat(room.get("tenant")).isEqualTo("lakeside");
        client.get().uri("/api/rooms/{id}", room.get("id")).headers(h -> h.setBearerAuth(hub.login("patient@lakeside")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.description").isEqualTo("Knee");
    }

    @Test
    void listingIsPagedNewestFirstAndFilteredByKindStatusAndName() {
        String prefix = "Paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            Rooms.create(hub, doctor, "CONSULTATION", prefix + " #" + i);
        }
        Map<?, ?> first = page(prefix, 0);
        assertThat(first.get("total")).isEqualTo(3);
        assertThat(names(first))
                .containsExactly(prefix + " #3", prefix + " #2");
        assertThat(names(page(prefix, 1)))
                .containsExactly(prefix + " #1");
        client.get().uri(b -> b.path("/api/rooms").queryParam("q", prefix.toLowerCase()).queryParam("kind", "CLASS").build())
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        client.get().uri(b -> b.path("/api/rooms").queryParam("q", prefix).queryParam("status", "CLOSED").build())
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private static List<Object> names(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(r -> ((Map<?, ?>) r).get("name")).map(Object.class::cast).toList();
    }

    private Map<?, ?> page(String q, int page) {
        return client.get().uri(b -> b.path("/api/rooms").queryParam("q", q).queryParam("kind", "CONSULTATION")
                        .queryParam("page", page).queryParam("size", 2).build())
                .headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void anUpdateChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        Map<String, Object> room = Rooms.create(hub, doctor, "CONSULTATION", "Before");
        client.patch().uri("/api/rooms/{id}", room.get("id")).headers(h -> h.setBearerAuth(doctor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "After"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("After")
                .jsonPath("$.capacity").isEqualTo(50)
                .jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void aClosedRoomTakesNoJoinsAndNoChanges() {
        Map<String, Object> room = Rooms.create(hub, doctor, "CONSULTATION", "Closing");
        client.post().uri("/api/rooms/{id}/close", room.get("id")).headers(h -> h.setBearerAuth(doctor))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        Problem.expect(client.post().uri("/api/rooms/{id}/join", room.get("id")).headers(h -> h.setBearerAuth(doctor)).exchange(), 409);
        Problem.expect(client.post().uri("/api/rooms/{id}/close", room.get("id")).headers(h -> h.setBearerAuth(doctor)).exchange(), 409);
        Problem.expect(client.patch().uri("/api/rooms/{id}", room.get("id")).headers(h -> h.setBearerAuth(doctor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x")).exchange(), 409);
    }

    @Test
    void joiningGivesARoleAndAFullRoomRefusesNewcomers() {
        Map<String, Object> room = client.post().uri("/api/rooms").headers(h -> h.setBearerAuth(doctor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "CONSULTATION", "name", "One-to-one", "capacity", 2))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Object id = room.get("id");
        Map<String, Object> ticket = Rooms.join(hub, doctor, id);
        assertThat(ticket).containsEntry("role", "MODERATOR").containsEntry("roomId", id);
        assertThat((String) ticket.get("signallingUrl")).contains(id.toString());
        assertThat(((Number) ticket.get("expiresIn")).longValue()).isPositive();
        assertThat(Rooms.join(hub, hub.login("patient@lakeside"), id)).containsEntry("role", "PARTICIPANT");
        Problem.expect(client.post().uri("/api/rooms/{id}/join", id).headers(h -> h.setBearerAuth(hub.login("student@lakeside")))
                .exchange(), 409);

        client.post().uri("/api/rooms/{id}/leave", id).headers(h -> h.setBearerAuth(doctor)).exchange().expectStatus().isNoContent();
        client.get().uri("/api/rooms/{id}/participants", id).headers(h -> h.setBearerAuth(doctor)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].role").isEqualTo("PARTICIPANT");
    }
}
