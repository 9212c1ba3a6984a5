package org.metrohub.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Assertions on RFC 9457 problem answers. */
public final class Problem {

    private Problem() {
    }

    /** Checks the answer is a problem with this status and a detail, and returns the body. */
    public static Map<String, Object> expect(WebTestClient.ResponseSpec response, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        assertThat(body.get("status")).isEqualTo(status);
        assertThat((String) body.get("detail")).isNotBlank();
        assertThat(body).containsKey("requestId");
        return body;
    }
}
