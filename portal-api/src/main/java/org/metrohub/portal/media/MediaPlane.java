package org.metrohub.portal.media;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.metrohub.media.node.MediaNode;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.MetroHubAuthentication;
import org.metrohub.portal.identity.SecurityProperties;
import org.metrohub.portal.identity.SigningKey;
import org.metrohub.portal.identity.TokenAudience;
import org.metrohub.portal.identity.TokenDecoders;
import org.metrohub.portal.identity.TokenIssuer;
import org.metrohub.portal.identity.TokenUserConverter;
import org.metrohub.portal.rooms.RoomModeration;
import org.metrohub.portal.rooms.RoomService;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The portal's view of its media node: who may enter a room's media (a room token for that room), and what the
 * portal records when they come and go (presence in Redis, participant events through the outbox).
 */
@Component
public class MediaPlane {

    private final MediaNode node;
    private final ReactiveJwtDecoder roomTokens;
    private final TokenUserConverter users;
    private final RoomService rooms;
    private final RoomModeration moderation;
    private final ConcurrentHashMap<UUID, Set<SignallingSession>> sessions = new ConcurrentHashMap<>();

    public MediaPlane(MediaNode node, SecurityProperties security, SigningKey key, RoomService rooms,
                      RoomModeration moderation) {
        this.node = node;
        this.roomTokens = TokenDecoders.local(security, key, TokenAudience.ROOM);
        this.users = new TokenUserConverter(security);
        this.rooms = rooms;
        this.moderation = moderation;
    }

    /** Who a room token admitted, and their role in the room ({@code MODERATOR} or {@code PARTICIPANT}). */
    record Admitted(CurrentUser user, String roomRole) {

        boolean moderator() {
            return "MODERATOR".equals(roomRole);
        }
    }

    MediaNode node() {
        return node;
    }

    /** The participant a room token admits to {@code roomId}, with their room role, or {@link Refused}. */
    Mono<Admitted> admit(String token, UUID roomId) {
        if (token.isBlank() || token.length() > 8192) {
            return Mono.error(new Refused("bad-token", "A room token is required (POST /api/rooms/{id}/join)."));
        }
        return roomTokens.decode(token)
                .onErrorMap(JwtException.class, e -> new Refused("bad-token",
                        "The room token is not valid (forged, expired or not a room token)."))
                .flatMap(jwt -> {
                    if (!roomId.toString().equals(jwt.getClaimAsString(TokenIssuer.CLAIM_ROOM))) {
                        return Mono.error(new Refused("wrong-room", "This room token is for another room."));
                    }
                    String role = jwt.getClaimAsString(TokenIssuer.CLAIM_ROOM_ROLE);
                    return users.convert(jwt).map(a -> new Admitted(((MetroHubAuthentication) a).getPrincipal(),
                            role == null ? "PARTICIPANT" : role));
                });
    }

    /** The signalling sessions of a room on this instance (joined ones), for room-wide news and moderation. */
    Set<SignallingSession> sessions(UUID roomId) {
        return sessions.getOrDefault(roomId, Set.of());
    }

    void register(SignallingSession session) {
        sessions.computeIfAbsent(session.roomId(), id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unregister(SignallingSession session) {
        sessions.computeIfPresent(session.roomId(), (id, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    RoomModeration moderation() {
        return moderation;
    }

    /** A moderator ends the room: it is closed (as {@code user}) and its media ends for everyone at once. */
    Mono<Void> end(CurrentUser user, UUID roomId) {
        return rooms.close(user, roomId).then(Mono.fromRunnable(() ->
                node.closeRoom(roomId.toString(), "the room was ended by a moderator"))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())).then();
    }

    /** Renews the participant's presence while their media connection lives. */
    Mono<Void> stillHere(CurrentUser user, UUID roomId) {
        return rooms.renewPresence(user, roomId);
    }

    /** The participant's media connection ended: they leave the room's presence (with a left event). */
    Mono<Void> left(CurrentUser user, UUID roomId) {
        return rooms.leave(user, roomId);
    }

    /** A join refused, with a code the browser can act on. */
    static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
