package org.metrohub.media.node;

import java.util.Objects;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.ice.IceSettings;

/**
 * A media node's settings.
 *
 * @param nodeId names the node in load reports and logs
 */
public record NodeSettings(String nodeId, IceSettings ice, SfuSettings sfu) {

    public NodeSettings {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(sfu, "sfu");
    }

    /** Node "local", the ICE and router defaults. */
    public static NodeSettings defaults() {
        return new NodeSettings("local", IceSettings.defaults(), SfuSettings.defaults());
    }
}
