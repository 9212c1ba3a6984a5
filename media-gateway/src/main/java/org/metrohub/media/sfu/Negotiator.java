package org.metrohub.media.sfu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.metrohub.media.negotiation.Answer;
import org.metrohub.media.negotiation.AnswerBuilder;
import org.metrohub.media.negotiation.LocalTransport;
import org.metrohub.media.negotiation.MediaKind;
import org.metrohub.media.negotiation.Negotiated;
import org.metrohub.media.negotiation.NegotiationException;
import org.metrohub.media.negotiation.Offer;
import org.metrohub.media.negotiation.OfferReader;
import org.metrohub.media.negotiation.OfferedSection;
import org.metrohub.media.negotiation.OutgoingTrack;
import org.metrohub.media.sdp.HeaderExtensions;
import org.metrohub.media.transport.dtls.DtlsFingerprint;

/**
 * Turns an endpoint's offer into the conference's state and an answer. The browser's sending sections become
 * {@link Source}s (new ones make the others renegotiate); its receive-only sections are given other
 * participants' sources, keeping what a section already carries while that source lives, so a re-offer never
 * moves a track to another section. Called under the conference's lock.
 */
public final class Negotiator {

    /** Whose track arrives in a receive-only section. */
    public record RemoteTrack(String participantId, String displayName, String kind, boolean muted) {
    }

    /**
     * An answer and what it changed.
     *
     * @param tracks          receive-only mid → the track it carries
     * @param sourcesChanged  the endpoint added or removed tracks it sends: the others must renegotiate
     * @param newlyForwarded  the endpoint receives a source it did not before (it needs a keyframe)
     */
    public record Result(String sdp, Map<String, RemoteTrack> tracks, boolean sourcesChanged, boolean newlyForwarded) {
    }

    private final Conference conference;
    private final SfuContext context;
    private final OfferReader reader = new OfferReader();

    Negotiator(Conference conference, SfuContext context) {
        this.conference = conference;
        this.context = context;
    }

    Result answer(Endpoint endpoint, String sdp, List<Endpoint> everyone) {
        Offer offer = reader.read(sdp);
        Endpoint.NegotiationState state = endpoint.negotiation();
        boolean first = state.remoteUfrag == null;
        DtlsFingerprint fingerprint = DtlsFingerprint.parse(offer.fingerprint().algorithm() + " "
                + offer.fingerprint().hex());
        if (!first && !state.remoteUfrag.equals(offer.iceUfrag())) {
            throw new NegotiationException("ICE restarts are not supported: leave and join again.");
        }
        if (!first && !state.remoteFingerprint.equals(fingerprint)) {
            throw new NegotiationException("The DTLS certificate changed within a session: leave and join again.");
        }

        // Plan first, build the answer, and only then change what is forwarded: a refused offer changes nothing.
        Map<String, Source> plan = planReceivers(endpoint, offer, everyone);
        Map<String, OutgoingTrack> outgoing = new HashMap<>();
        Map<String, RemoteTrack> tracks = new LinkedHashMap<>();
        plan.forEach((mid, s) -> {
            MediaKind kind = s.kind().equals("audio") ? MediaKind.AUDIO : MediaKind.VIDEO;
            outgoing.put(mid, new OutgoingTrack(kind, Integer.toUnsignedLong(s.outSsrc()), OptionalLong.empty(),
                    s.streamId(), s.trackId(), s.streamId()));
            tracks.put(mid, new RemoteTrack(s.owner().id(), s.owner().displayName(), s.kind(), s.muted()));
        });
        EndpointTransport transport = endpoint.transport();
        LocalTransport local = LocalTransport.of(transport.localUfrag(), transport.localPassword(), "sha-256",
                context.certificate().fingerprint().toSdp().substring("sha-256 ".length()),
                transport.localCandidates(), true);
        Answer answer = state.answers.answer(offer, local, outgoing);

        boolean newlyForwarded = applyReceivers(endpoint, plan);
        boolean sourcesChanged = updateSources(endpoint, offer, answer.negotiated());
        endpoint.setExtensions(extensionIds(answer.negotiated()));
        if (first) {
            state.remoteUfrag = offer.iceUfrag();
            state.remoteFingerprint = fingerprint;
            transport.setRemoteCredentials(offer.iceUfrag(), offer.icePwd());
            for (var candidate : offer.candidates(answer.negotiated().transportMid())) {
                transport.addRemoteCandidate(candidate);
            }
            endpoint.startDtls(fingerprint);
            transport.start();
        }
        return new Result(answer.sdp(), tracks, sourcesChanged, newlyForwarded);
    }

    /** The endpoint's sending sections as sources; true when the set changed. */
    private boolean updateSources(Endpoint endpoint, Offer offer, Negotiated negotiated) {
        Map<String, Source> before = new HashMap<>();
        for (Source s : endpoint.sources()) {
            before.put(s.mid(), s);
        }
        List<Source> now = new ArrayList<>();
        boolean changed = false;
        for (OfferedSection section : offer.sections()) {
            Negotiated.Section agreed = negotiated.section(section.mid()).orElse(null);
            if (agreed == null || !agreed.accepted() || !agreed.direction().receives() || agreed.codecs().isEmpty()
                    || !isAudioOrVideo(section.kind())) {
                continue;
            }
            Source s = before.remove(section.mid());
            if (s == null || !s.kind().equals(section.kind().token())) {
                s = newSource(endpoint, section, agreed);
                changed = true;
            }
            now.add(s);
        }
        for (Source gone : before.values()) {
            for (Forwarding f : gone.forwardings()) {
                retire(f);
            }
            changed = true;
        }
        endpoint.setSources(now);
        return changed;
    }

    private Source newSource(Endpoint endpoint, OfferedSection section, Negotiated.Section agreed) {
        List<String> rids = agreed.rids();
        int[] signalled = new int[0];
        if (rids.isEmpty()) {
            Set<Long> secondary = new HashSet<>();
            section.ssrcGroups().stream().filter(g -> g.semantics().equals("FID"))
                    .forEach(g -> secondary.addAll(g.ssrcs().subList(1, g.ssrcs().size())));
            signalled = section.ssrcs().stream().mapToLong(s -> s.ssrc()).filter(s -> !secondary.contains(s))
                    .limit(1).mapToInt(s -> (int) s).toArray();
        }
        var codec = agreed.codecs().getFirst();
        return new Source(endpoint, section.mid(), section.kind().token(), codec.name(), codec.clockRate(), rids,
                signalled, context.newSsrc(), context.newSsrc());
    }

    /**
     * Which source each receive-only section carries: the one it had if that source still lives, else one of
     * the others' sources of that kind this endpoint does not receive yet; sections left over carry nothing.
     */
    private Map<String, Source> planReceivers(Endpoint endpoint, Offer offer, List<Endpoint> everyone) {
        List<Source> available = new ArrayList<>();
        for (Endpoint other : everyone) {
            if (other != endpoint && !other.closed()) {
                available.addAll(other.sources());
            }
        }
        Map<String, Source> current = new HashMap<>();
        for (Forwarding f : endpoint.receiving()) {
            if (!f.closed()) {
                current.put(f.receiverMid(), f.source());
            }
        }
        Map<String, Source> plan = new LinkedHashMap<>();
        Set<Source> taken = new HashSet<>();
        List<OfferedSection> open = new ArrayList<>();
        for (OfferedSection section : offer.sections()) {
            if (!section.browserReceives() || section.disabled() || !isAudioOrVideo(section.kind())) {
                continue;
            }
            Source had = current.get(section.mid());
            if (had != null && available.contains(had) && had.kind().equals(section.kind().token())) {
                plan.put(section.mid(), had);
                taken.add(had);
            } else {
                open.add(section);
            }
        }
        for (OfferedSection section : open) {
            for (Source s : available) {
                if (!taken.contains(s) && s.kind().equals(section.kind().token())) {
                    plan.put(section.mid(), s);
                    taken.add(s);
                    break;
                }
            }
        }
        return plan;
    }

    /** Makes the endpoint receive what {@code plan} says; returns whether anything new is forwarded. */
    private boolean applyReceivers(Endpoint endpoint, Map<String, Source> plan) {
        List<Forwarding> receiving = new ArrayList<>();
        boolean added = false;
        for (Forwarding f : endpoint.receiving()) {
            if (!f.closed() && plan.get(f.receiverMid()) == f.source()) {
                receiving.add(f);
                plan.remove(f.receiverMid());
            } else {
                retire(f);
            }
        }
        for (Map.Entry<String, Source> e : plan.entrySet()) {
            Forwarding f = new Forwarding(e.getValue(), endpoint, e.getKey(), context.random().nextInt(0x10000),
                    context.random().nextInt() & 0xFFFF_FFFFL);
            e.getValue().addForwarding(f);
            receiving.add(f);
            added = true;
        }
        endpoint.setReceiving(receiving);
        return added;
    }

    private static void retire(Forwarding f) {
        f.close();
        f.source().removeForwarding(f);
    }

    /** How many receive-only sections of each kind {@code endpoint} needs: one per other participant's source. */
    int[] slotsWanted(Endpoint endpoint, Collection<Endpoint> everyone) {
        int audio = 0;
        int video = 0;
        for (Endpoint other : everyone) {
            if (other == endpoint) {
                continue;
            }
            for (Source s : other.sources()) {
                if (s.kind().equals("audio")) {
                    audio++;
                } else {
                    video++;
                }
            }
        }
        return new int[] {audio, video};
    }

    /** The ids of what the endpoint sends (BUNDLE: one id per URI, RFC 8843 §9.2). */
    private static ExtensionIds extensionIds(Negotiated negotiated) {
        int mid = 0;
        int rid = 0;
        int repaired = 0;
        int level = 0;
        for (Negotiated.Section s : negotiated.sections()) {
            if (!s.accepted() || !s.direction().receives()) {
                continue;
            }
            mid = mid > 0 ? mid : s.extensionIds().getOrDefault(HeaderExtensions.MID, 0);
            rid = rid > 0 ? rid : s.extensionIds().getOrDefault(HeaderExtensions.RID, 0);
            repaired = repaired > 0 ? repaired : s.extensionIds().getOrDefault(HeaderExtensions.REPAIRED_RID, 0);
            level = level > 0 ? level : s.extensionIds().getOrDefault(HeaderExtensions.SSRC_AUDIO_LEVEL, 0);
        }
        return new ExtensionIds(mid, rid, repaired, level);
    }

    private static boolean isAudioOrVideo(MediaKind kind) {
        return kind == MediaKind.AUDIO || kind == MediaKind.VIDEO;
    }
}
