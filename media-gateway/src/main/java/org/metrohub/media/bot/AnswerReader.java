package org.metrohub.media.bot;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.MediaDescription;
import org.metrohub.media.sdp.SdpParseException;
import org.metrohub.media.sdp.SdpParser;
import org.metrohub.media.sdp.SessionDescription;

/** Reads what a bot needs from the node's answer, with the node's own SDP parser. */
final class AnswerReader {

    /** The transport (from the BUNDLE transport section) and the tracks the node sends. */
    record Answer(String ufrag, String password, String fingerprint, InetSocketAddress candidate,
                  List<RemoteTrack> tracks) {
    }

    private AnswerReader() {
    }

    /**
     * @throws SdpParseException when the answer is not SDP
     * @throws IllegalArgumentException when it lacks what a bot needs (ICE credentials, fingerprint, a UDP IPv4
     *                                  candidate)
     */
    static Answer read(String sdp) {
        SessionDescription answer = SdpParser.parse(sdp);
        List<String> bundle = answer.bundle();
        if (bundle.isEmpty()) {
            throw new IllegalArgumentException("the answer bundles nothing");
        }
        MediaDescription transport = answer.section(bundle.getFirst())
                .orElseThrow(() -> new IllegalArgumentException("no section for BUNDLE mid " + bundle.getFirst()));
        String ufrag = transport.iceUfrag().orElseThrow(() -> new IllegalArgumentException("no a=ice-ufrag"));
        String password = transport.icePwd().orElseThrow(() -> new IllegalArgumentException("no a=ice-pwd"));
        Attribute.Fingerprint fp = transport.fingerprint().or(answer::fingerprint)
                .orElseThrow(() -> new IllegalArgumentException("no a=fingerprint"));
        InetSocketAddress candidate = null;
        for (Candidate c : transport.candidates()) {
            if (c.isUdp() && c.address().indexOf(':') < 0) {
                candidate = new InetSocketAddress(ipv4(c.address()), c.port());
                break;
            }
        }
        if (candidate == null) {
            throw new IllegalArgumentException("the answer has no UDP IPv4 candidate");
        }
        List<RemoteTrack> tracks = new ArrayList<>();
        for (MediaDescription m : answer.media()) {
            Direction d = m.direction();
            if (m.media().port() == 0 || (d != Direction.SENDONLY && d != Direction.SENDRECV)) {
                continue;
            }
            Set<Long> repairs = new HashSet<>();
            for (Attribute.SsrcGroup g : m.ssrcGroups()) {
                if (g.semantics().equals(Attribute.SsrcGroup.FID)) {
                    repairs.addAll(g.ssrcs().subList(1, g.ssrcs().size()));
                }
            }
            Attribute.Ssrc primary = m.ssrcs().stream().filter(x -> !repairs.contains(x.ssrc())).findFirst()
                    .orElse(null);
            if (primary == null) {
                continue;
            }
            String stream = m.msid().map(Attribute.Msid::streamId).orElse("");
            String track = m.msid().flatMap(Attribute.Msid::trackId).orElse("");
            tracks.add(new RemoteTrack(m.mid().orElse(""), m.kind(), (int) primary.ssrc(), stream, track));
        }
        return new Answer(ufrag, password, fp.algorithm() + " " + fp.hex(), candidate, List.copyOf(tracks));
    }

    private static InetAddress ipv4(String literal) {
        String[] parts = literal.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 literal: " + literal);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 literal: " + literal);
            }
            b[i] = (byte) v;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
