package org.metrohub.portal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrative actions, one INFO line each on the logger {@value #LOGGER}: readable text, and the same facts
 * as key-value pairs ({@code actor}, {@code actorName}, {@code tenant}, {@code action}, {@code target}) that the
 * structured log formats (logstash, ecs) write as fields. Route that logger to its own sink to keep an audit trail.
 */
public final class Audit {

    public static final String LOGGER = "org.metrohub.portal.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private Audit() {
    }

    /**
     * Records that {@code actorId} ({@code actorName} of {@code tenant}) did {@code action} (e.g.
     * {@code media.drain}) to {@code target} (e.g. {@code media-node:<id>}).
     */
    public static void record(String actorId, String actorName, String tenant, String action, String target) {
        LOG.atInfo()
                .addKeyValue("actor", actorId)
                .addKeyValue("actorName", actorName)
                .addKeyValue("tenant", tenant)
                .addKeyValue("action", action)
                .addKeyValue("target", target)
                .log("audit: {} on {} by {} ({}, tenant {})", action, target, actorId, actorName, tenant);
    }
}
