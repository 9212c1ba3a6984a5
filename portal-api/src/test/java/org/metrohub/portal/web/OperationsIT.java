package org.metrohub.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.testing.TestEngines;
import org.metrohub.portal.testing.TestHub;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Health probes, metrics, the OpenAPI description and request ids, on a real hub. */
class OperationsIT {

    private static TestHub hub;
    private static WebTestClient client;

    @BeforeAll
    static void hub() {
        hub = TestHub.shared();
        client = hub.client();
    }

    @Test
    void readinessIsUpWithAllEnginesAndShowsEachToAnAdmin() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").headers(h -> h.setBearerAuth(hub.login("admin@riverton")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.redis.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void readinessGoesDownWhileRedisIsDown() {
        TestEngines.get().redis().stop();
        try {
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        } finally {
            TestEngines.get().restartRedis();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
    }

    @Test
    void theOpenApiDescriptionListsTheApiAndItsUiIsServed() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/rooms'].post").exists()
                .jsonPath("$.paths['/api/rooms/{id}/join'].post").exists()
                .jsonPath("$.paths['/api/auth/login'].post").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void aRequestIdIsEchoedOrMade() {
        client.get().uri("/api/me").header(RequestIdFilter.HEADER, "trace-123").exchange()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, "trace-123")
                .expectBody().jsonPath("$.requestId").isEqualTo("trace-123");
        client.get().uri("/api/me").header(RequestIdFilter.HEADER, "bad id with spaces and {braces}").exchange()
                .expectHeader().value(RequestIdFilter.HEADER, id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void thePortalAndItsScriptsAreServedWithoutAToken() {
        client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
                .value(html -> assertThat(html).contains("js/app.js"));
        client.get().uri("/js/app.js").exchange().expectStatus().isOk();
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("EC")
                .jsonPath("$.keys[0].d").doesNotExist();
    }
}
