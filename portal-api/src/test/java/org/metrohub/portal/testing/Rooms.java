package org.metrohub.portal.testing;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;

/** Room calls that many tests make. */
public final class Rooms {

    private Rooms() {
    }

    /** Creates a room and returns its JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> create(TestHub hub, String token, String kind, String name) {
        return Objects.requireNonNull(hub.client().post().uri("/api/rooms")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", kind, "name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody());
    }

    /** Joins a room and returns the join ticket. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> join(TestHub hub, String token, Object roomId) {
        return Objects.requireNonNull(hub.client().post().uri("/api/rooms/{id}/join", roomId)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody());
    }
}
