package org.metrohub.portal.events;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The CloudEvents 1.0 JSON envelope of every MetroHub event. {@code subject} is the room (or camera, call)
 * id and the Kafka key; {@code tenant} is an extension attribute so consumers can filter without opening
 * {@code data}. Types are versioned: {@code org.metrohub.room.created.v1}.
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String tenant, String datacontenttype, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
}
