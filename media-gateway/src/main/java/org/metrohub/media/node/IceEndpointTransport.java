package org.metrohub.media.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.EndpointTransport;
import org.metrohub.media.transport.ice.IceHarvesters;
import org.metrohub.media.transport.ice.IceState;
import org.metrohub.media.transport.ice.IceTransport;

/** An endpoint's transport on the node's shared ICE harvesters. */
public final class IceEndpointTransport implements EndpointTransport {

    private final IceTransport ice;

    private IceEndpointTransport(IceTransport ice) {
        this.ice = ice;
    }

    /** Endpoints' transports on {@code harvesters}. */
    public static EndpointTransport.Factory factory(IceHarvesters harvesters) {
        return factory(harvesters, ice -> { });
    }

    /** The same, telling {@code created} of each ICE transport (tests read its counters). */
    public static EndpointTransport.Factory factory(IceHarvesters harvesters, Consumer<IceTransport> created) {
        return (String endpointId, Endpoint endpoint, Events events) -> {
            IceTransport ice;
            try {
                ice = new IceTransport(endpointId, harvesters, (state, detail) -> {
                    if (state == IceState.CONNECTED) {
                        events.connected(detail);
                    } else if (state == IceState.FAILED) {
                        events.failed(detail);
                    }
                }, endpoint::onDatagram);
            } catch (IOException e) {
                throw new UncheckedIOException("ICE transport for " + endpointId + " could not be created", e);
            }
            created.accept(ice);
            return new IceEndpointTransport(ice);
        };
    }

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
}
