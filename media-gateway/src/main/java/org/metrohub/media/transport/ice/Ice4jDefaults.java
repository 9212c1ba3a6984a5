package org.metrohub.media.transport.ice;

import java.lang.System.Logger.Level;
import org.ice4j.ice.harvest.HarvestConfig;

/**
 * ice4j reads its configuration once per JVM (typesafe-config: its {@code reference.conf} merged with system
 * properties, loaded on first use). Before any ice4j class reads it, this turns off what would contact the outside
 * by default: the AWS metadata probe of the mapping harvesters. STUN mapping servers and static mappings are empty in
 * ice4j's reference configuration and stay so unless an operator sets them; we add our own NAT mappings per agent
 * ({@link IceSettings#advertisedAddresses()}), and the UPnP harvester is never created.
 */
final class Ice4jDefaults {

    private static final System.Logger LOG = System.getLogger(Ice4jDefaults.class.getName());

    static final String AWS_ENABLED = "ice4j.harvest.mapping.aws.enabled";

    private static volatile boolean applied;

    private Ice4jDefaults() {
    }

    /** Idempotent; call before touching any ice4j class. */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        if (System.getProperty(AWS_ENABLED) == null) {
            System.setProperty(AWS_ENABLED, "false");
        }
        HarvestConfig config = HarvestConfig.config;
        if (config.enableAwsHarvester()) {
            LOG.log(Level.WARNING, "ice4j's AWS mapping probe is on (" + AWS_ENABLED
                    + " was set explicitly or ice4j's configuration was loaded earlier)");
        }
        if (!config.stunMappingCandidateHarvesterAddresses().isEmpty()) {
            LOG.log(Level.WARNING, "ice4j STUN mapping servers are configured and will be contacted: "
                    + config.stunMappingCandidateHarvesterAddresses());
        }
        applied = true;
    }
}
