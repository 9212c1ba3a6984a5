package org.metrohub.media.bot;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.metrohub.media.node.IceEndpointTransport;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.SfuContext;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.ice.IceHarvesters;
import org.metrohub.media.transport.ice.IceSettings;
import org.metrohub.media.transport.ice.IceTransport;
import org.metrohub.media.transport.srtp.SrtpWarmUp;

/**
 * A node assembled as {@code LocalMediaNode} does (shared {@link IceHarvesters}, one certificate, the SFU), but
 * keeping the ICE objects so tests can read their counters ({@code LocalMediaNode} does not expose them).
 */
final class IceNode implements AutoCloseable {

    final IceHarvesters harvesters;
    final Map<String, IceTransport> transports = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("ice-node").unstarted(r));
    private final SfuContext context;

    IceNode() throws IOException {
        SrtpWarmUp.warmUp();
        harvesters = new IceHarvesters(IceSettings.defaults().withUdpPort(0).withTcpPort(IceSettings.TCP_DISABLED));
        context = new SfuContext(DtlsCertificate.generate(),
                IceEndpointTransport.factory(harvesters, ice -> transports.put(ice.endpointId(), ice)),
                SfuSettings.defaults(),
                System::nanoTime, scheduler, new SecureRandom());
    }

    Conference openRoom(String id) {
        return new Conference(id, context);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        harvesters.close();
    }
}
