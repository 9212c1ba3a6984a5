package org.metrohub.media.sfu;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.metrohub.media.transport.dtls.DtlsCertificate;

/**
 * What every conference of a node shares: the DTLS certificate (its fingerprint is in every answer), the
 * transport factory (one UDP port for all endpoints), settings, a monotonic clock, the scheduler for
 * periodic feedback, and who hears endpoints come and go ({@link EndpointObserver}, e.g. metrics).
 */
public record SfuContext(DtlsCertificate certificate, EndpointTransport.Factory transports, SfuSettings settings,
                         LongSupplier nanoClock, ScheduledExecutorService scheduler, SecureRandom random,
                         EndpointObserver observer) {

    public SfuContext {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(observer, "observer");
    }

    /** A context whose endpoints nobody observes. */
    public SfuContext(DtlsCertificate certificate, EndpointTransport.Factory transports, SfuSettings settings,
                      LongSupplier nanoClock, ScheduledExecutorService scheduler, SecureRandom random) {
        this(certificate, transports, settings, nanoClock, scheduler, random, EndpointObserver.NONE);
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
