package org.metrohub.media.sfu;

import java.util.List;
import org.metrohub.media.sdp.Candidate;

/**
 * The network side of one endpoint as the SFU sees it: ICE credentials and candidates for the answer, the
 * browser's for the checks, and datagrams both ways. The node adapts its ICE transport to this; datagrams that
 * arrive go to the endpoint given at creation ({@link Endpoint#onDatagram}).
 */
public interface EndpointTransport extends AutoCloseable {

    String localUfrag();

    String localPassword();

    List<Candidate> localCandidates();

    void setRemoteCredentials(String ufrag, String password);

    /** A browser candidate, from the offer or trickled; ones the transport cannot use are ignored. */
    void addRemoteCandidate(Candidate candidate);

    /** Starts connectivity checks (once). */
    void start();

    /** Sends one datagram over the selected pair; never blocks for long, never throws (failures are counted). */
    void send(byte[] buf, int off, int len);

    /** The selected candidate pair, for stats and logs ({@code "127.0.0.1:50000 <-> 127.0.0.1:10000/udp"}). */
    String selectedPair();

    @Override
    void close();

    /** Makes one endpoint's transport; {@code events} hears its state, {@code endpoint} gets its datagrams. */
    interface Factory {
        EndpointTransport create(String endpointId, Endpoint endpoint, Events events);
    }

    /** Transport state changes. */
    interface Events {
        void connected(String selectedPair);

        void failed(String reason);
    }
}
