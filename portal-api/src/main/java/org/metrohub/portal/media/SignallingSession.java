package org.metrohub.portal.media;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.metrohub.media.negotiation.NegotiationException;
import org.metrohub.media.sdp.SdpParseException;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.ConnectionState;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.EndpointListener;
import org.metrohub.media.sfu.Negotiator;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.RoomModeration;
import org.metrohub.portal.web.Audit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser's signalling WebSocket, as a small state machine: the first message must be {@code join} with a
 * room token for this room; then {@code offer}, {@code candidate}, {@code mute}, {@code hand}, {@code moderate}
 * (moderators only, audited), {@code leave} and {@code ping} until the socket closes. What the media node says goes out through {@link #outbound()}. The protocol is in
 * docs/media-signalling.md.
 */
final class SignallingSession implements EndpointListener {

    private static final Logger LOG = LoggerFactory.getLogger(SignallingSession.class);

    private final UUID roomId;
    private final MediaPlane plane;
    private final JsonMapper json;
    private final Sinks.Many<String> outbound;
    private final Sinks.Empty<Void> done = Sinks.empty();
    private final AtomicReference<Joined> joined = new AtomicReference<>();
    private volatile boolean ended;

    private record Joined(CurrentUser user, boolean moderator, Conference conference, Endpoint endpoint) {
    }

    SignallingSession(UUID roomId, MediaPlane plane, JsonMapper json, int queueLimit) {
        this.roomId = roomId;
        this.plane = plane;
        this.json = json;
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(
                reactor.util.concurrent.Queues.<String>get(queueLimit).get());
    }

    /** Messages for the browser; completes when the session ends. */
    reactor.core.publisher.Flux<String> outbound() {
        return outbound.asFlux();
    }

    /** Handles one message from the browser; errors become {@code error} messages, never exceptions. */
    Mono<Void> handle(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (RuntimeException e) {
            return fail("bad-message", "The message is not JSON.", false);
        }
        String type = message.path("type").asString("");
        Joined in = joined.get();
        if (in == null && !type.equals("join")) {
            return fail("not-joined", "Send {\"type\":\"join\",\"token\":…} first.", true);
        }
        return switch (type) {
            case "join" -> in != null ? fail("bad-message", "Already joined.", false) : join(message.path("token").asString(""));
            case "offer" -> offer(in, message.path("sdp").asString(""));
            case "candidate" -> candidate(in, message.path("candidate").asString(""));
            case "mute" -> mute(in, message.path("kind").asString(""), message.path("muted").asBoolean(false));
            case "hand" -> hand(in, message.path("raised"));
            case "moderate" -> moderate(in, message);
            case "leave" -> {
                end("left");
                yield Mono.empty();
            }
            case "ping" -> send(json.createObjectNode().put("type", "pong"));
            default -> fail("bad-message", "Unknown message type '" + abbreviate(type) + "'.", false);
        };
    }

    private Mono<Void> join(String token) {
        return plane.admit(token, roomId)
                .flatMap(admitted -> plane.moderation().locked(roomId)
                        .publishOn(Schedulers.boundedElastic()) // joining may close a replaced transport (ice4j)
                        .map(locked -> {
                    CurrentUser user = admitted.user();
                    Conference conference = plane.node().openRoom(roomId.toString());
                    Endpoint endpoint = conference.join(user.id(), user.displayName(), this);
                    joined.set(new Joined(user, admitted.moderator(), conference, endpoint));
                    plane.register(this);
                    if (ended) { // the socket closed while we were admitting
                        plane.unregister(this);
                        conference.leave(endpoint, "signalling closed");
                        return false;
                    }
                    LOG.info("media: {} joined room {} as {}", user.username(), roomId, admitted.roomRole());
                    emit(json.createObjectNode().put("type", "joined")
                            .put("participantId", user.id()).put("displayName", user.displayName())
                            .put("role", admitted.roomRole()).put("locked", locked));
                    return true;
                }))
                .flatMap(entered -> entered
                        ? sendHands(List.of(this)).then(plane.stillHere(joined.get().user(), roomId))
                        : Mono.<Void>empty())
                .onErrorResume(MediaPlane.Refused.class, e -> fail(e.code(), e.getMessage(), true))
                .onErrorResume(IllegalStateException.class, e -> fail("room-unavailable", e.getMessage(), true));
    }

    private Mono<Void> offer(Joined in, String sdp) {
        if (sdp.isBlank()) {
            return fail("bad-offer", "The offer has no sdp.", false);
        }
        return Mono.fromCallable(() -> in.conference().answer(in.endpoint(), sdp))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::answer)
                .onErrorResume(NegotiationException.class, e -> fail("bad-offer", e.getMessage(), false))
                .onErrorResume(SdpParseException.class, e -> fail("bad-offer", e.getMessage(), false))
                .onErrorResume(IllegalStateException.class, e -> fail("room-unavailable", e.getMessage(), true));
    }

    private Mono<Void> answer(Negotiator.Result result) {
        ObjectNode reply = json.createObjectNode().put("type", "answer").put("sdp", result.sdp());
        ObjectNode tracks = reply.putObject("tracks");
        for (Map.Entry<String, Negotiator.RemoteTrack> e : result.tracks().entrySet()) {
            tracks.putObject(e.getKey())
                    .put("participantId", e.getValue().participantId())
                    .put("displayName", e.getValue().displayName())
                    .put("kind", e.getValue().kind())
                    .put("muted", e.getValue().muted());
        }
        return send(reply);
    }

    private Mono<Void> candidate(Joined in, String line) {
        return Mono.fromRunnable(() -> in.endpoint().addRemoteCandidate(line))
                .subscribeOn(Schedulers.boundedElastic()) // ice4j takes locks
                .then()
                .onErrorResume(IllegalArgumentException.class, e -> fail("bad-candidate", e.getMessage(), false));
    }

    private Mono<Void> mute(Joined in, String kind, boolean muted) {
        if (!kind.equals("audio") && !kind.equals("video")) {
            return fail("bad-message", "kind must be audio or video.", false);
        }
        if (!in.conference().setMuted(in.endpoint(), kind, muted)) {
            return fail("held", "A moderator muted your " + kind + "; wait until they release it.", false);
        }
        return Mono.empty();
    }

    // ------------------------------------------------------------------------------------ raised hands

    /** {@code hand}: raising joins the end of the queue (once), lowering leaves it; the room hears of a change. */
    private Mono<Void> hand(Joined in, JsonNode raised) {
        if (!raised.isBoolean()) {
            return fail("bad-message", "raised must be true or false.", false);
        }
        String id = in.user().id();
        Mono<Boolean> changed = raised.asBoolean()
                ? plane.moderation().raiseHand(roomId, id, in.user().displayName())
                : plane.moderation().lowerHand(roomId, id);
        // no change (raised twice, lowered twice): only the sender is told where they stand
        return changed.flatMap(yes -> sendHands(yes ? plane.sessions(roomId) : List.of(this)));
    }

    /** Sends the room's current queue ({@code hands}) to {@code to}. */
    private Mono<Void> sendHands(java.util.Collection<SignallingSession> to) {
        return plane.moderation().hands(roomId).doOnNext(queue -> {
            ObjectNode news = json.createObjectNode().put("type", "hands");
            ArrayNode list = news.putArray("queue");
            for (RoomModeration.RaisedHand h : queue) {
                list.addObject().put("participantId", h.participantId()).put("displayName", h.displayName())
                        .put("raisedAt", h.raisedAt().toString());
            }
            for (SignallingSession s : to) {
                s.emit(news);
            }
        }).then();
    }

    // ------------------------------------------------------------------------------------ moderation

    /** {@code moderate}: only a participant whose room token says MODERATOR; see docs/media-signalling.md. */
    private Mono<Void> moderate(Joined in, JsonNode message) {
        if (!in.moderator()) {
            return fail("forbidden", "Only a moderator of this room may do that.", false);
        }
        String action = message.path("action").asString("");
        String target = message.path("participantId").asString("");
        String kind = message.path("kind").asString("");
        boolean hold = message.path("hold").asBoolean(false);
        boolean needsKind = action.equals("mute") || action.equals("mute-all") || action.equals("release")
                || action.equals("unmute");
        if (needsKind && !kind.equals("audio") && !kind.equals("video")) {
            return fail("bad-message", "kind must be audio or video.", false);
        }
        boolean needsTarget = action.equals("mute") || action.equals("remove") || action.equals("unban")
                || action.equals("lower-hand");
        if (needsTarget && target.isBlank()) {
            return fail("bad-message", "participantId is required.", false);
        }
        if (action.equals("remove") && target.equals(in.user().id())) {
            return fail("bad-message", "Leave instead of removing yourself.", false);
        }
        String by = in.user().id();
        Conference conference = in.conference();
        Mono<Boolean> done = switch (action) {
            case "mute" -> blocking(() -> conference.forceMute(target, kind, hold, by));
            case "mute-all" -> blocking(() -> {
                conference.forceMuteAll(kind, hold, by, moderatorIds());
                return true;
            });
            case "release", "unmute" -> blocking(() -> {
                if (!target.isBlank()) {
                    return conference.releaseMute(target, kind, by);
                }
                Set<String> spared = moderatorIds();
                for (SignallingSession s : plane.sessions(roomId)) {
                    CurrentUser other = s.user();
                    if (other != null && !spared.contains(other.id())) {
                        conference.releaseMute(other.id(), kind, by);
                    }
                }
                return true;
            });
            case "remove" -> plane.moderation().ban(roomId, target)
                    .then(blocking(() -> conference.remove(target, "removed by a moderator")))
                    .map(found -> true); // banned even if they are not connected right now
            case "unban" -> plane.moderation().unban(roomId, target);
            case "lower-hand" -> plane.moderation().lowerHand(roomId, target)
                    .flatMap(lowered -> lowered ? sendHands(plane.sessions(roomId)).thenReturn(true)
                            : sendHands(List.of(this)).thenReturn(true)); // not raised: nothing to do
            case "lock", "unlock" -> plane.moderation().lock(roomId, action.equals("lock")).doOnNext(changed -> {
                ObjectNode news = json.createObjectNode().put("type", action.equals("lock") ? "room-locked"
                        : "room-unlocked").put("by", by);
                for (SignallingSession s : plane.sessions(roomId)) {
                    s.emit(news);
                }
            }).thenReturn(true);
            case "end" -> plane.end(in.user(), roomId).thenReturn(true)
                    .onErrorResume(org.metrohub.portal.web.ApiException.class, e -> fail("forbidden",
                            e.getMessage(), false).thenReturn(false));
            default -> null;
        };
        if (done == null) {
            return fail("bad-message", "Unknown moderation action '" + abbreviate(action) + "'.", false);
        }
        String what = "room.moderate." + action;
        String on = "room:" + roomId + (target.isBlank() ? "" : "/participant:" + target)
                + (kind.isBlank() ? "" : "/" + kind) + (hold ? " (held)" : "");
        return done.flatMap(ok -> {
            if (!ok && !target.isBlank()) {
                return fail("no-participant", "No participant " + abbreviate(target) + " here.", false);
            }
            if (ok) {
                Audit.record(in.user().id(), in.user().username(), in.user().tenant(), what, on);
            }
            return Mono.<Void>empty();
        });
    }

    /** Ids of this room's moderators connected to this instance (spared by mute-all). */
    private Set<String> moderatorIds() {
        Set<String> ids = new HashSet<>();
        for (SignallingSession s : plane.sessions(roomId)) {
            Joined j = s.joined.get();
            if (j != null && j.moderator()) {
                ids.add(j.user().id());
            }
        }
        return ids;
    }

    /** Conference calls may close transports (ice4j locks): never on an event loop. */
    private static Mono<Boolean> blocking(java.util.concurrent.Callable<Boolean> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    /** The socket closed or the participant left: the node and the portal forget the participant once. */
    void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        Joined in = joined.get();
        plane.unregister(this);
        if (in != null) {
            // closing the transport may wait on ice4j's locks: never on an event loop
            Mono.fromRunnable(() -> in.conference().leave(in.endpoint(), reason))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then(plane.moderation().lowerHand(roomId, in.user().id()))
                    .flatMap(lowered -> lowered ? sendHands(plane.sessions(roomId)) : Mono.<Void>empty())
                    .then(plane.left(in.user(), roomId))
                    .subscribe(null, e -> LOG.warn("media: could not record that {} left room {}: {}",
                            in.user().username(), roomId, e.toString()));
        }
        synchronized (outbound) {
            outbound.tryEmitComplete();
        }
        done.tryEmitEmpty();
    }

    /** Completes when the session has ended. */
    Mono<Void> done() {
        return done.asMono();
    }

    UUID roomId() {
        return roomId;
    }

    /** The socket sent too many messages: it is told and closed. */
    void flooded() {
        fail("flood", "Too many messages; the session is closed.", true);
    }

    /** No join arrived in time. */
    void joinTimedOut() {
        fail("not-joined", "No join within the time allowed.", true);
    }

    CurrentUser user() {
        Joined in = joined.get();
        return in == null ? null : in.user();
    }

    private Mono<Void> fail(String code, String message, boolean fatal) {
        emit(json.createObjectNode().put("type", "error").put("code", code).put("message", message));
        if (fatal) {
            end(code);
        }
        return Mono.empty();
    }

    private Mono<Void> send(ObjectNode message) {
        emit(message);
        return Mono.empty();
    }

    /**
     * Queues a message for the browser. Messages come from several threads at once (this socket's handler, the media
     * node's threads, other sessions' moderation), and a unicast sink refuses a concurrent emit
     * ({@code FAIL_NON_SERIALIZED}) instead of queueing it: emits are serialised here so none is lost.
     */
    private void emit(ObjectNode message) {
        String text = message.toString();
        Sinks.EmitResult result;
        synchronized (outbound) {
            result = outbound.tryEmitNext(text);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            LOG.warn("media: signalling queue full for room {}; closing the session", roomId);
            end("signalling backlog");
        } else if (result.isFailure() && result != Sinks.EmitResult.FAIL_TERMINATED
                && result != Sinks.EmitResult.FAIL_CANCELLED) {
            LOG.warn("media: a signalling message for room {} was not queued: {}", roomId, result);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    // ------------------------------------------------------------------- events from the media node

    @Override
    public void renegotiationNeeded(int audio, int video) {
        emit(json.createObjectNode().put("type", "renegotiate").put("audio", audio).put("video", video));
    }

    @Override
    public void participantJoined(String participantId, String displayName) {
        emit(json.createObjectNode().put("type", "participant-joined").put("participantId", participantId)
                .put("displayName", displayName));
    }

    @Override
    public void participantLeft(String participantId) {
        emit(json.createObjectNode().put("type", "participant-left").put("participantId", participantId));
    }

    @Override
    public void mutedChanged(String participantId, String kind, boolean muted) {
        emit(json.createObjectNode().put("type", "muted").put("participantId", participantId).put("kind", kind)
                .put("muted", muted));
    }

    @Override
    public void forceMuted(String kind, boolean hold, String by) {
        emit(json.createObjectNode().put("type", "force-mute").put("kind", kind).put("hold", hold).put("by", by));
    }

    @Override
    public void muteReleased(String kind, String by) {
        emit(json.createObjectNode().put("type", "mute-released").put("kind", kind).put("by", by));
    }

    @Override
    public void activeSpeakerChanged(String participantId) {
        emit(json.createObjectNode().put("type", "speaker").put("participantId", participantId));
    }

    @Override
    public void connectionStateChanged(ConnectionState state, String detail) {
        emit(json.createObjectNode().put("type", "connection").put("state", state.name().toLowerCase())
                .put("detail", detail));
    }

    @Override
    public void closed(String reason) {
        emit(json.createObjectNode().put("type", "closed").put("reason", reason));
        end(reason);
    }

}
