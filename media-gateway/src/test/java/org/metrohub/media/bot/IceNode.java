package org.metrohub.media.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.EndpointTransport;
import org.metrohub.media.sfu.SfuContext;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.dtls.DtlsCertificate;
import org.metrohub.media.transport.ice.IceHarvesters;
import org.metrohub.media.transport.ice.IceSettings;
import org.metrohub.media.transport.ice.IceState;
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
        context = new SfuContext(DtlsCertificate.generate(), this::transport, SfuSettings.defaults(),
                System::nanoTime, scheduler, new SecureRandom());
    }

    Conference openRoom(String id) {
        return new Conference(id, context);
    }

    private EndpointTransport transport(String id, org.metrohub.media.sfu.Endpoint endpoint,
                                        EndpointTransport.Events events) {
        IceTransport ice;
        try {
            ice = new IceTransport(id, harvesters, (state, detail) -> {
                if (state == IceState.CONNECTED) {
                    events.connected(detail);
                } else if (state == IceState.FAILED) {
                    events.failed(detail);
                }
            }, endpoint::onDatagram);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transports.put(id, ice);
        return new EndpointTransport() {
            @Override
            public String localUfrag() {
                return ice.localUfrag();
            }

            @Override
            public String localPassword() {
                return ice.localPassword();
            }

            @Override
            public List<Candidate> localCandidates() {
                return ice.localCandidates();
            }

            @Override
            public void setRemoteCredentials(String ufrag, String password) {
                ice.setRemoteCredentials(ufrag, password);
            }

            @Override
            public void addRemoteCandidate(Candidate candidate) {
                ice.addRemoteCandidate(candidate);
            }

            @Override
            public void start() {
                ice.start();
            }

            @Override
            public void send(byte[] buf, int off, int len) {
                ice.send(buf, off, len);
            }

            @Override
            public String selectedPair() {
                return ice.selectedPair().orElse("");
            }

            @Override
            public void close() {
                ice.close();
            }
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        harvesters.close();
    }
}
