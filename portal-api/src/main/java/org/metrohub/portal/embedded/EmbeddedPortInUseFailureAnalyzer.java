package org.metrohub.portal.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link EmbeddedPortInUseException} into Boot's "APPLICATION FAILED TO START" description and action. */
public final class EmbeddedPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPortInUseException cause) {
        String description = "Embedded " + cause.engine() + " cannot start: port " + cause.port()
                + " on 127.0.0.1 is already in use.";
        String action = "Stop whatever holds port " + cause.port() + " (another MetroHub?), or set "
                + cause.property() + " (env " + cause.environmentVariable() + ") to a free port.";
        return new FailureAnalysis(description, action, cause);
    }
}
