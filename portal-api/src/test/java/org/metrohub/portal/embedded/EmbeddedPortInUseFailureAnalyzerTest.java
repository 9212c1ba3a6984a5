package org.metrohub.portal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmbeddedPortInUseFailureAnalyzerTest {

    @Test
    void describesThePortAndNamesThePropertyAndVariableToChange() {
        var failure = new IllegalStateException("wrapped",
                new EmbeddedPortInUseException("PostgreSQL", 15432, "metrohub.embedded.postgres-port"));

        FailureAnalysis analysis = new EmbeddedPortInUseFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo("Embedded PostgreSQL cannot start: port 15432 on 127.0.0.1 is already in use.");
        assertThat(analysis.getAction())
                .contains("metrohub.embedded.postgres-port (env METROHUB_EMBEDDED_POSTGRES_PORT)");
    }
}
