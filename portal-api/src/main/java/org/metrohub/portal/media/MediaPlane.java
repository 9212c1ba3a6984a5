package org.metrohub.portal.media;

import java.util.UUID;
import org.metrohub.media.node.MediaNode;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.MetroHubAuthentication;
import org.metrohub.portal.identity.SecurityProperties;
import org.metrohub.portal.identity.SigningKey;
import org.metrohub.portal.identity.TokenAudience;
import org.metrohub.portal.identity.TokenDecoders;
import org.metrohub.portal.identity.TokenIssuer;
import org.metrohub.portal.identity.TokenUserConverter;
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

    public MediaPlane(MediaNode node, SecurityProperties security, SigningKey key, RoomService rooms) {
        this.node = node;
        this.roomTokens = TokenDecoders.local(security, key, TokenAudience.ROOM);
        this.users = new TokenUserConverter(security);
        this.rooms = rooms;
    }

    MediaNode node() {
        return node;
    }

    /** The participant a room token admits to {@code roomId}, or {@link Refused}. */
    Mono<CurrentUser> admit(String token, UUID roomId) {
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
                    return users.convert(jwt).map(a -> ((MetroHubAuthentication) a).getPrincipal());
                });
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
