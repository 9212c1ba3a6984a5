package org.metrohub.portal.media;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metrohub.portal.rooms.RoomsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The media signalling WebSocket, {@code /media/rooms/{roomId}/signal}. Browsers cannot put a bearer token on a
 * WebSocket handshake, so the handshake is open and the first message must carry the room token
 * ({@link SignallingSession}); a socket that has not joined within {@link MediaProperties#joinTimeout()} is
 * closed, as is one that sends more than {@link MediaProperties#maxMessagesPerSecond()} messages a second.
 */
@Component
public class SignallingHandler implements WebSocketHandler {

    static final String PATH_PATTERN = "/media/rooms/*/signal";
    private static final Pattern PATH = Pattern.compile("/media/rooms/([0-9a-fA-F-]{36})/signal");
    private static final Logger LOG = LoggerFactory.getLogger(SignallingHandler.class);

    private final MediaPlane plane;
    private final JsonMapper json;
    private final MediaProperties properties;
    private final Duration presenceRenewal;

    public SignallingHandler(MediaPlane plane, JsonMapper json, MediaProperties properties, RoomsProperties rooms) {
        this.plane = plane;
        this.json = json;
        this.properties = properties;
        this.presenceRenewal = rooms.presenceTtl().dividedBy(3);
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        Matcher m = PATH.matcher(socket.getHandshakeInfo().getUri().getPath());
        UUID roomId;
        try {
            roomId = m.matches() ? UUID.fromString(m.group(1)) : null;
        } catch (IllegalArgumentException e) {
            roomId = null;
        }
        if (roomId == null) {
            return socket.close(CloseStatus.POLICY_VIOLATION.withReason("not a room id"));
        }
        SignallingSession session = new SignallingSession(roomId, plane, json, properties.signallingQueue());
        MessageRate rate = new MessageRate(properties.maxMessagesPerSecond());

        Mono<Void> inbound = socket.receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
                .concatMap(message -> rate.allow(System.nanoTime())
                        ? session.handle(message.getPayloadAsText())
                        : Mono.fromRunnable(() -> session.flooded()))
                .then();
        Mono<Void> joinDeadline = Mono.delay(properties.joinTimeout())
                .filter(t -> session.user() == null)
                .doOnNext(t -> session.joinTimedOut())
                .then();
        Flux<Void> presence = Flux.interval(presenceRenewal, presenceRenewal)
                .filter(t -> session.user() != null)
                .concatMap(t -> plane.stillHere(session.user(), session.roomId())
                        .onErrorResume(e -> {
                            LOG.warn("media: presence renewal failed for room {}: {}", session.roomId(), e.toString());
                            return Mono.empty();
                        }));
        Mono<Void> outbound = socket.send(session.outbound().map(socket::textMessage))
                .then(Mono.defer(socket::close));
        Mono<Void> background = Mono.when(joinDeadline, presence.then()).takeUntilOther(session.done());

        return Mono.when(inbound.doFinally(signal -> session.end("signalling closed")), outbound, background)
                .doFinally(signal -> session.end("signalling closed"));
    }

    /** At most {@code perSecond} messages a second on average, bursts of twice that. */
    static final class MessageRate {
        private final double perNano;
        private final double burst;
        private double tokens;
        private long last;

        MessageRate(int perSecond) {
            this.perNano = perSecond / 1e9;
            this.burst = 2.0 * perSecond;
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        boolean allow(long now) {
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
