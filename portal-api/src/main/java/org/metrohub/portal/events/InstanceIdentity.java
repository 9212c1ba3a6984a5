package org.metrohub.portal.events;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This portal-api instance's id: the CloudEvents source, and part of its live consumer's client id. */
@Component
public class InstanceIdentity {

    private final String id;

    public InstanceIdentity(@Value("${metrohub.instance-id:}") String configured) {
        this.id = configured == null || configured.isBlank() ? UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    public String id() {
        return id;
    }
}
