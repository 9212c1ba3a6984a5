package org.metrohub.media.sfu;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.Set;
import org.metrohub.media.sfu.speaker.ActiveSpeakerDetector;
import org.metrohub.media.sfu.speaker.LastN;

/**
 * A room on the media node: its endpoints, the sources they send, and who receives what. Control-plane changes
 * (join, offer/answer, leave) are serialised on this object; the media path reads the immutable arrays that
 * {@link Source} and {@link Endpoint} publish and takes no lock of the conference.
 */
public final class Conference {

    private static final System.Logger LOG = System.getLogger(Conference.class.getName());

    private final String id;
    private final SfuContext context;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    /** Held moderator mutes by endpoint id: {audio, video} moderator ids or null; they outlive a reconnect. */
    private final Map<String, String[]> heldMutes = new java.util.HashMap<>();
    private final AtomicLongArray drops = new AtomicLongArray(Drop.values().length);
    private final Negotiator negotiator;
    private final ScheduledFuture<?> feedback;
    private final ActiveSpeakerDetector speakers = new ActiveSpeakerDetector(this::dominantSpeakerChanged);
    private volatile String dominantSpeaker;
    private final LastN lastN;
    private TrafficTotals departed = TrafficTotals.ZERO;
    private boolean closed;

    public Conference(String id, SfuContext context) {
        this.id = Objects.requireNonNull(id, "id");
        this.context = Objects.requireNonNull(context, "context");
        this.negotiator = new Negotiator(this, context);
        this.lastN = new LastN(context.settings().lastN());
        long period = context.settings().feedbackInterval().toMillis();
        this.feedback = context.scheduler().scheduleAtFixedRate(this::sendFeedback, period, period,
                TimeUnit.MILLISECONDS);
    }

    public String id() {
        return id;
    }

    /**
     * Adds a participant. A second join with the same id replaces the first (a reconnecting browser).
     *
     * @throws IllegalStateException when the conference is closed or full
     */
    public Endpoint join(String endpointId, String displayName, EndpointListener listener) {
        Endpoint previous;
        Endpoint endpoint;
        List<Endpoint> others;
        String[] held;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The room is closed on this media node.");
            }
            previous = endpoints.remove(endpointId);
            if (previous != null) {
                forget(previous);
                departed(previous);
            }
            if (endpoints.size() >= context.settings().maxParticipants()) {
                throw new IllegalStateException("The room is full on this media node ("
                        + context.settings().maxParticipants() + " participants).");
            }
            others = List.copyOf(endpoints.values());
            endpoint = new Endpoint(endpointId, displayName, this, listener, context);
            endpoints.put(endpointId, endpoint);
            held = heldMutes.get(endpointId);
            if (held != null) {
                held = held.clone();
                for (int k = 0; k < 2; k++) {
                    if (held[k] != null) {
                        endpoint.forceMute(KINDS[k], true, true);
                    }
                }
            }
        }
        synchronized (speakers) {
            speakers.addEndpoint(endpointId);
        }
        if (previous != null) {
            observe(previous, false);
        }
        observe(endpoint, true);
        if (previous != null) {
            previous.close("replaced by a new connection of the same participant");
        }
        LOG.log(Level.INFO, "{0}: {1} joined ({2} in the room)", id, endpointId, others.size() + 1);
        if (held != null) { // a reconnect does not escape a held mute
            for (int k = 0; k < 2; k++) {
                if (held[k] != null) {
                    listener.forceMuted(KINDS[k], true, held[k]);
                }
            }
        }
        for (Endpoint other : others) {
            other.listener().participantJoined(endpointId, displayName);
            listener.participantJoined(other.id(), other.displayName());
            for (Source s : other.sources()) {
                if (s.muted()) {
                    listener.mutedChanged(other.id(), s.kind(), true);
                }
            }
        }
        return endpoint;
    }

    /**
     * Answers an endpoint's offer: the endpoint's sending sections become sources, its receive-only sections get
     * other participants' sources, and everyone whose choice of sources changed is asked to renegotiate.
     *
     * @throws org.metrohub.media.negotiation.NegotiationException if the offer cannot be answered
     */
    public Negotiator.Result answer(Endpoint endpoint, String offerSdp) {
        Negotiator.Result result;
        List<Endpoint> toTell;
        synchronized (this) {
            if (closed || endpoints.get(endpoint.id()) != endpoint) {
                throw new IllegalStateException("This participant is no longer in the room.");
            }
            result = negotiator.answer(endpoint, offerSdp, List.copyOf(endpoints.values()));
            toTell = result.sourcesChanged() ? others(endpoint) : List.of();
        }
        askToRenegotiate(toTell);
        int[] wanted;
        synchronized (this) {
            wanted = negotiator.slotsWanted(endpoint, endpoints.values());
        }
        if (wanted[0] > result.audioSections() || wanted[1] > result.videoSections()) {
            // e.g. a newcomer's first offer: it cannot know yet how many tracks the room has
            endpoint.listener().renegotiationNeeded(wanted[0], wanted[1]);
        }
        if (result.newlyForwarded()) {
            for (Forwarding f : endpoint.receiving()) {
                requestKeyframe(f.source());
            }
        }
        return result;
    }

    /**
     * Marks an endpoint's track muted or not and tells the others. An unmute does not apply while a moderator
     * holds the mute ({@link #forceMute} with {@code hold}); without a hold it lifts the moderator's mute.
     *
     * @return false when the unmute was refused because a moderator holds the mute
     */
    public boolean setMuted(Endpoint endpoint, String kind, boolean muted) {
        List<Endpoint> toTell;
        synchronized (this) {
            if (!muted && endpoint.muteHeld(kind)) {
                return false;
            }
            if (!muted) {
                endpoint.forceMute(kind, false, false);
            }
            for (Source s : endpoint.sources()) {
                if (s.kind().equals(kind)) {
                    s.setMuted(muted);
                }
            }
            toTell = others(endpoint);
        }
        for (Endpoint other : toTell) {
            other.listener().mutedChanged(endpoint.id(), kind, muted);
        }
        return true;
    }

    /**
     * A moderator ({@code by}) mutes a participant's {@code kind} ({@code "audio"}/{@code "video"}): the node stops
     * forwarding it at once (its packets are dropped as {@link Drop#MODERATOR_MUTED}), the participant is told
     * ({@link EndpointListener#forceMuted}) and everyone sees it muted. With {@code hold} the participant's own
     * unmute is refused until {@link #releaseMute}, and a held mute outlives a reconnect of the same endpoint id.
     *
     * @return false when no such participant is in the conference
     */
    public boolean forceMute(String endpointId, String kind, boolean hold, String by) {
        checkKind(kind);
        Endpoint target;
        List<Endpoint> all;
        synchronized (this) {
            target = endpoints.get(endpointId);
            if (target == null) {
                return false;
            }
            target.forceMute(kind, true, hold);
            if (hold) {
                heldMutes.computeIfAbsent(endpointId, e -> new String[2])[kindIndex(kind)] = by;
            }
            for (Source s : target.sources()) {
                if (s.kind().equals(kind)) {
                    s.setMuted(true);
                }
            }
            all = List.copyOf(endpoints.values());
        }
        LOG.log(Level.INFO, "{0}: {1} {2} muted by {3}{4}", id, endpointId, kind, by, hold ? " (held)" : "");
        target.listener().forceMuted(kind, hold, by);
        for (Endpoint e : all) {
            e.listener().mutedChanged(endpointId, kind, true);
        }
        return true;
    }

    /**
     * {@link #forceMute} for every participant but those in {@code except} (the moderators).
     *
     * @return the ids of the participants muted
     */
    public List<String> forceMuteAll(String kind, boolean hold, String by, Set<String> except) {
        checkKind(kind);
        List<String> ids;
        synchronized (this) {
            ids = endpoints.keySet().stream().filter(e -> !except.contains(e)).toList();
        }
        List<String> muted = new ArrayList<>(ids.size());
        for (String e : ids) {
            if (forceMute(e, kind, hold, by)) {
                muted.add(e);
            }
        }
        return muted;
    }

    /**
     * Lifts a moderator mute of a participant's {@code kind}: the participant is told and may unmute (their track
     * stays muted until they do).
     *
     * @return false when no such participant is in the conference
     */
    public boolean releaseMute(String endpointId, String kind, String by) {
        checkKind(kind);
        Endpoint target;
        synchronized (this) {
            String[] held = heldMutes.get(endpointId);
            if (held != null) {
                held[kindIndex(kind)] = null;
                if (held[0] == null && held[1] == null) {
                    heldMutes.remove(endpointId);
                }
            }
            target = endpoints.get(endpointId);
            if (target == null) {
                return held != null;
            }
            target.forceMute(kind, false, false);
        }
        target.listener().muteReleased(kind, by);
        return true;
    }

    /**
     * A moderator removes a participant: they are told ({@link EndpointListener#closed}) and leave like
     * {@link #leave}.
     *
     * @return false when no such participant is in the conference
     */
    public boolean remove(String endpointId, String reason) {
        Endpoint target;
        synchronized (this) {
            target = endpoints.get(endpointId);
        }
        if (target == null) {
            return false;
        }
        leave(target, reason);
        target.listener().closed(reason);
        return true;
    }

    private static final String[] KINDS = {"audio", "video"};

    private static int kindIndex(String kind) {
        return kind.equals("audio") ? 0 : 1;
    }

    private static void checkKind(String kind) {
        if (!kind.equals("audio") && !kind.equals("video")) {
            throw new IllegalArgumentException("kind must be audio or video, not " + kind);
        }
    }

    /** Removes a participant; the others are told and renegotiate. */
    public void leave(Endpoint endpoint, String reason) {
        List<Endpoint> toTell;
        synchronized (this) {
            if (endpoints.get(endpoint.id()) != endpoint) {
                endpoint.close(reason);
                return;
            }
            endpoints.remove(endpoint.id());
            forget(endpoint);
            departed(endpoint);
            toTell = List.copyOf(endpoints.values());
        }
        synchronized (speakers) {
            speakers.removeEndpoint(endpoint.id(), context.nanoTime());
        }
        observe(endpoint, false);
        LOG.log(Level.INFO, "{0}: {1} left ({2}); {3} remain", id, endpoint.id(), reason, toTell.size());
        for (Endpoint other : toTell) {
            other.listener().participantLeft(endpoint.id());
        }
        askToRenegotiate(toTell);
        endpoint.close(reason);
    }

    /** Stops forwarding from and to {@code endpoint}; the caller holds the lock. */
    private void forget(Endpoint endpoint) {
        for (Forwarding f : endpoint.receiving()) {
            f.close();
            f.source().removeForwarding(f);
        }
        endpoint.setReceiving(List.of());
        for (Source s : endpoint.sources()) {
            for (Forwarding f : s.forwardings()) {
                f.close();
                s.removeForwarding(f);
                f.receiver().setReceiving(without(f.receiver().receiving(), f));
            }
        }
    }

    /**
     * {@code endpoint} is no longer in the conference; the caller holds the lock. Its counts move to the departed
     * ones so the conference's totals never go back (packets it handles while its transport closes are not counted).
     */
    private void departed(Endpoint endpoint) {
        departed = departed.plus(endpoint.totals());
    }

    /** Tells the node's observer, outside the conference's lock. */
    private void observe(Endpoint endpoint, boolean joined) {
        try {
            if (joined) {
                context.observer().joined(this, endpoint);
            } else {
                context.observer().left(this, endpoint);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, id + ": endpoint observer failed for " + endpoint.id(), e);
        }
    }

    private static List<Forwarding> without(Forwarding[] all, Forwarding gone) {
        List<Forwarding> out = new ArrayList<>(all.length);
        for (Forwarding f : all) {
            if (f != gone) {
                out.add(f);
            }
        }
        return out;
    }

    private List<Endpoint> others(Endpoint endpoint) {
        List<Endpoint> out = new ArrayList<>(endpoints.size());
        for (Endpoint e : endpoints.values()) {
            if (e != endpoint) {
                out.add(e);
            }
        }
        return out;
    }

    private void askToRenegotiate(List<Endpoint> toTell) {
        for (Endpoint other : toTell) {
            int[] wanted;
            synchronized (this) {
                wanted = negotiator.slotsWanted(other, endpoints.values());
            }
            other.listener().renegotiationNeeded(wanted[0], wanted[1]);
        }
    }

    /** Closes the conference: every endpoint is told and closed. */
    public void close(String reason) {
        List<Endpoint> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(endpoints.values());
            for (Endpoint e : all) {
                forget(e);
                departed(e);
            }
            endpoints.clear();
        }
        feedback.cancel(false);
        for (Endpoint e : all) {
            observe(e, false);
            e.listener().closed(reason);
            e.close(reason);
        }
        LOG.log(Level.INFO, "{0}: closed ({1})", id, reason);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized Optional<Endpoint> endpoint(String endpointId) {
        return Optional.ofNullable(endpoints.get(endpointId));
    }

    public synchronized int size() {
        return endpoints.size();
    }

    public List<EndpointStats> stats() {
        List<Endpoint> all;
        synchronized (this) {
            all = List.copyOf(endpoints.values());
        }
        return all.stream().map(Endpoint::stats).toList();
    }

    /**
     * What this conference carried since it opened, departed endpoints included: monotonic, for metrics. Sums the
     * live endpoints' counters; allocates nothing on the media path.
     */
    public synchronized TrafficTotals totals() {
        TrafficTotals sum = departed;
        for (Endpoint e : endpoints.values()) {
            sum = sum.plus(e.totals());
        }
        long[] byReason = new long[drops.length()];
        for (int i = 0; i < byReason.length; i++) {
            byReason[i] = drops.get(i);
        }
        return sum.withDrops(byReason);
    }

    /** Dropped packets of this conference's endpoints by reason (ordinal of {@link Drop}). */
    public long dropped(Drop reason) {
        return drops.get(reason.ordinal());
    }

    void countDrop(Drop reason) {
        drops.incrementAndGet(reason.ordinal());
    }

    /** An RFC 6464 level (0 loudest … 127 silence) from one endpoint's audio, on that endpoint's thread. */
    void audioLevel(Endpoint endpoint, int level, long now) {
        synchronized (speakers) {
            speakers.onAudioLevel(endpoint.id(), level, now);
        }
    }

    /** Called by the detector, under its lock, on a media thread: only hand the news on. */
    private void dominantSpeakerChanged(String endpointId, long now) {
        dominantSpeaker = endpointId;
        if (endpointId == null) {
            return;
        }
        List<Endpoint> all;
        synchronized (this) {
            all = List.copyOf(endpoints.values());
        }
        for (Endpoint e : all) {
            e.listener().activeSpeakerChanged(endpointId);
        }
    }

    /** The dominant speaker's endpoint id, or null. */
    public String dominantSpeaker() {
        return dominantSpeaker;
    }

    /** Asks a source's sender for a keyframe, at most once per the configured interval. */
    void requestKeyframe(Source source) {
        if (source.kind().equals("video")
                && source.mayRequestKeyframe(context.nanoTime(), context.settings().keyframeRequestInterval().toNanos())) {
            source.owner().sendKeyframeRequest(source);
        }
    }

    /** DTLS completed for {@code endpoint}: what it receives needs a keyframe to start decoding. */
    void endpointConnected(Endpoint endpoint) {
        for (Forwarding f : endpoint.receiving()) {
            requestKeyframe(f.source());
        }
    }

    private void sendFeedback() {
        try {
            List<Endpoint> all;
            synchronized (this) {
                all = List.copyOf(endpoints.values());
            }
            long now = context.nanoTime();
            List<String> history;
            synchronized (speakers) {
                history = speakers.speakerHistory();
            }
            List<String> ids = new ArrayList<>(all.size());
            List<String> videoSenders = new ArrayList<>(all.size());
            for (Endpoint e : all) {
                ids.add(e.id());
                if (e.sources().stream().anyMatch(s -> s.kind().equals("video"))) {
                    videoSenders.add(e.id());
                }
            }
            lastN.update(ids, videoSenders, history); // this task is the only caller
            for (Endpoint e : all) {
                e.sendBitrateHint(context.settings().senderBitrate());
                e.selectLayers(now, dominantSpeaker, lastN.n() < 0 ? null : Set.copyOf(lastN.forwarded(e.id())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, id + ": periodic feedback failed", e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
