package org.metrohub.media.transport.ice;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.metrohub.media.sdp.Candidate;

/** Translation between ice4j's candidates and our SDP {@link Candidate} record (RFC 8839 §5.1). */
final class Candidates {

    /** The discard port Chromium and Firefox put on {@code tcptype active} candidates: nothing listens there. */
    static final int DISCARD_PORT = 9;

    private Candidates() {
    }

    static Candidate toSdp(LocalCandidate c) {
        TransportAddress address = c.getTransportAddress();
        Optional<String> relatedAddress = Optional.empty();
        OptionalInt relatedPort = OptionalInt.empty();
        TransportAddress related = c.getType() == CandidateType.HOST_CANDIDATE ? null : c.getRelatedAddress();
        if (related != null) {
            relatedAddress = Optional.of(related.getHostAddress());
            relatedPort = OptionalInt.of(related.getPort());
        }
        Optional<String> tcpType = c.getTcpType() == null ? Optional.empty() : Optional.of(c.getTcpType().toString());
        return new Candidate(c.getFoundation(), c.getParentComponent().getComponentID(),
                c.getTransport() == Transport.TCP ? "tcp" : "udp", c.getPriority(), address.getHostAddress(),
                address.getPort(), c.getType().toString(), relatedAddress, relatedPort, tcpType, OptionalLong.empty(),
                List.of());
    }

    /**
     * Our remote candidate as ice4j's, or {@code null} if it cannot be used: another component than 1 (we require
     * rtcp-mux), a transport other than UDP/TCP, an {@code active} TCP candidate on the discard port, a host name
     * (mDNS {@code .local} names included: we resolve nothing), an invalid port or an unknown type.
     */
    static RemoteCandidate toIce4j(Candidate c, Component component) {
        if (c.component() != Component.RTP) {
            return null;
        }
        Transport transport;
        if (c.isUdp()) {
            transport = Transport.UDP;
        } else if ("tcp".equalsIgnoreCase(c.transport())) {
            transport = Transport.TCP;
            if (c.port() == DISCARD_PORT && c.tcpType().map("active"::equalsIgnoreCase).orElse(false)) {
                return null;
            }
        } else {
            return null;
        }
        if (c.port() < 1 || c.port() > 65535 || c.priority() < 1 || c.priority() > 0xFFFF_FFFFL) {
            return null;
        }
        CandidateType type = switch (c.type().toLowerCase(java.util.Locale.ROOT)) {
            case "host" -> CandidateType.HOST_CANDIDATE;
            case "srflx" -> CandidateType.SERVER_REFLEXIVE_CANDIDATE;
            case "prflx" -> CandidateType.PEER_REFLEXIVE_CANDIDATE;
            case "relay" -> CandidateType.RELAYED_CANDIDATE;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        java.net.InetAddress ip;
        try {
            ip = IceSettings.literal("candidate address", c.address());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new RemoteCandidate(new TransportAddress(ip, c.port(), transport), component, type, c.foundation(),
                c.priority(), null);
    }

    /** {@code "udp 127.0.0.1:10000 <-> 127.0.0.1:51234 prflx"}: local, remote address and the remote's type. */
    static String describe(CandidatePair pair) {
        LocalCandidate local = pair.getLocalCandidate();
        TransportAddress l = local.getTransportAddress();
        TransportAddress r = pair.getRemoteCandidate().getTransportAddress();
        return local.getTransport() + " " + l.getHostAddress() + ":" + l.getPort() + " <-> " + r.getHostAddress()
                + ":" + r.getPort() + " " + pair.getRemoteCandidate().getType();
    }
}
