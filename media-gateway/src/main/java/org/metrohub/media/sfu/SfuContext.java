package org.metrohub.media.sfu;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.metrohub.media.transport.dtls.DtlsCertificate;

/**
 * What every conference of a node shares: the DTLS certificate (its fingerprint is in every answer), the
 * transport factory (one UDP port for all endpoints), settings, a monotonic clock and the scheduler for
 * periodic feedback.
 */
public record SfuContext(DtlsCertificate certificate, EndpointTransport.Factory transports, SfuSettings settings,
                         LongSupplier nanoClock, ScheduledExecutorService scheduler, SecureRandom random) {

    public SfuContext {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(random, "random");
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }

    /** A random non-zero SSRC for something the node sends. */
    int newSsrc() {
        int ssrc;
        do {
            ssrc = random.nextInt();
        } while (ssrc == 0);
        return ssrc;
    }
}
