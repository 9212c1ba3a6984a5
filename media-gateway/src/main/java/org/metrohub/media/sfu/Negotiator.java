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
import org.metrohub.media.negotiation.OfferedCodec;
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
     * @param audioSections   receive-capable audio sections in the offer
     * @param videoSections   receive-capable video sections in the offer
     */
    public record Result(String sdp, Map<String, RemoteTrack> tracks, boolean sourcesChanged, boolean newlyForwarded,
                         int audioSections, int videoSections) {
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
        Map<String, Assignment> plan = planReceivers(endpoint, offer, everyone);
        Map<String, OutgoingTrack> outgoing = new HashMap<>();
        Map<String, RemoteTrack> tracks = new LinkedHashMap<>();
        plan.forEach((mid, a) -> {
            Source s = a.source();
            MediaKind kind = s.kind().equals("audio") ? MediaKind.AUDIO : MediaKind.VIDEO;
            OptionalLong rtx = a.rtxPayloadType() >= 0 ? OptionalLong.of(Integer.toUnsignedLong(s.outRtxSsrc()))
                    : OptionalLong.empty();
            outgoing.put(mid, new OutgoingTrack(kind, Integer.toUnsignedLong(s.outSsrc()), rtx, s.streamId(),
                    s.trackId(), s.streamId()));
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
        int audioSections = 0;
        int videoSections = 0;
        for (OfferedSection section : offer.sections()) {
            if (section.browserReceives() && !section.disabled()) {
                audioSections += section.kind() == MediaKind.AUDIO ? 1 : 0;
                videoSections += section.kind() == MediaKind.VIDEO ? 1 : 0;
            }
        }
        return new Result(answer.sdp(), tracks, sourcesChanged, newlyForwarded, audioSections, videoSections);
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
     * A source planned for a receive-only section, with the receiver's payload types for its codec.
     *
     * @param rtxPayloadType the receiver's RTX payload type for that codec, -1 without RTX
     */
    private record Assignment(Source source, int payloadType, int rtxPayloadType) {
    }

    /**
     * Which source each receive-only section carries: the one it had if that source still lives, else one of
     * the others' sources of that kind this endpoint does not receive yet and can decode; sections left over
     * carry nothing.
     */
    private Map<String, Assignment> planReceivers(Endpoint endpoint, Offer offer, List<Endpoint> everyone) {
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
        Map<String, Assignment> plan = new LinkedHashMap<>();
        Set<Source> taken = new HashSet<>();
        List<OfferedSection> open = new ArrayList<>();
        for (OfferedSection section : offer.sections()) {
            if (!section.browserReceives() || section.disabled() || !isAudioOrVideo(section.kind())) {
                continue;
            }
            Source had = current.get(section.mid());
            Assignment kept = had != null && available.contains(had) ? assignment(had, section) : null;
            if (kept != null) {
                plan.put(section.mid(), kept);
                taken.add(had);
            } else {
                open.add(section);
            }
        }
        for (OfferedSection section : open) {
            for (Source s : available) {
                Assignment a = taken.contains(s) ? null : assignment(s, section);
                if (a != null) {
                    plan.put(section.mid(), a);
                    taken.add(s);
                    break;
                }
            }
        }
        return plan;
    }

    /** {@code source} in {@code section}, or null when the section is of another kind or lacks the codec. */
    private static Assignment assignment(Source source, OfferedSection section) {
        if (!source.kind().equals(section.kind().token())) {
            return null;
        }
        for (OfferedCodec c : section.codecs()) {
            if (c.codec().name().equalsIgnoreCase(source.codecName()) && c.codec().clockRate() == source.clockRate()) {
                return new Assignment(source, c.payloadType(), c.rtxPayloadType().orElse(-1));
            }
        }
        return null;
    }

    /** Makes the endpoint receive what {@code plan} says; returns whether anything new is forwarded. */
    private boolean applyReceivers(Endpoint endpoint, Map<String, Assignment> plan) {
        Map<String, Assignment> toAdd = new LinkedHashMap<>(plan);
        List<Forwarding> receiving = new ArrayList<>();
        boolean added = false;
        for (Forwarding f : endpoint.receiving()) {
            Assignment a = toAdd.get(f.receiverMid());
            if (!f.closed() && a != null && a.source() == f.source()) {
                receiving.add(f);
                toAdd.remove(f.receiverMid());
            } else {
                retire(f);
            }
        }
        for (Map.Entry<String, Assignment> e : toAdd.entrySet()) {
            Assignment a = e.getValue();
            Forwarding f = new Forwarding(a.source(), endpoint, e.getKey(), a.payloadType(), a.rtxPayloadType(),
                    context.random().nextInt(0x10000), context.random().nextInt() & 0xFFFF_FFFFL);
            a.source().addForwarding(f);
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

    /** The endpoint's extension ids (BUNDLE: one id per URI, RFC 8843 §9.2). */
    private static ExtensionIds extensionIds(Negotiated negotiated) {
        Map<String, Integer> ids = new HashMap<>();
        for (Negotiated.Section s : negotiated.sections()) {
            if (s.accepted()) {
                s.extensionIds().forEach(ids::putIfAbsent);
            }
        }
        return new ExtensionIds(ids.getOrDefault(HeaderExtensions.MID, 0), ids.getOrDefault(HeaderExtensions.RID, 0),
                ids.getOrDefault(HeaderExtensions.REPAIRED_RID, 0),
                ids.getOrDefault(HeaderExtensions.SSRC_AUDIO_LEVEL, 0),
                ids.getOrDefault(HeaderExtensions.TRANSPORT_WIDE_CC, 0));
    }

    private static boolean isAudioOrVideo(MediaKind kind) {
        return kind == MediaKind.AUDIO || kind == MediaKind.VIDEO;
    }
}
