package org.metrohub.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.TestHub;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** A flood of sign-ins is shed with 503 and Retry-After beyond the pending limit; everyone else is still served. */
class SignInFloodIT {

    private static TestHub hub;

    @BeforeAll
    static void hub() {
        hub = TestHub.start(Map.of("metrohub.security.max-pending-password-checks", "2"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void signInsBeyondThePendingLimitAreShedAndOtherCallsAreStillServed() {
        String token = hub.login("teacher@riverton");
        WebClient client = WebClient.create(hub.baseUrl());
        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", "student@riverton", "password", "demo"))
                        .exchangeToMono(r -> {
                            if (r.statusCode().value() == 503) {
                                assertThat(r.headers().asHttpHeaders().getFirst("Retry-After")).isEqualTo("1");
                            }
                            return r.releaseBody().thenReturn(r.statusCode().value());
                        }), 40)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(statuses).contains(HttpStatus.OK.value(), HttpStatus.SERVICE_UNAVAILABLE.value())
                .allMatch(s -> s == 200 || s == 503);
        hub.client().get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        assertThat(hub.login("student@riverton")).isNotBlank();
    }
}
