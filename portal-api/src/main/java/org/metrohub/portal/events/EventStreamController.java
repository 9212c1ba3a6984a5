package org.metrohub.portal.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.metrohub.portal.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live stream of the caller's tenant's room events, as server-sent events. The stream listens to the
 * hub before it says "connected", so nothing published after that comment is missed; a client that
 * reconnects with {@code Last-Event-ID} first gets what it missed, then the live events, without repeats.
 */
@RestController
@Tag(name = "events")
public class EventStreamController {

    private final LiveEventHub hub;
    private final EventReplay replay;
    private final EventsProperties properties;

    public EventStreamController(LiveEventHub hub, EventReplay replay, EventsProperties properties) {
        this.hub = hub;
        this.replay = replay;
        this.properties = properties;
    }

    @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Room events of your tenant as server-sent events (CloudEvents JSON in data); "
            + "send Last-Event-ID to get what you missed", security = @SecurityRequirement(name = "bearer"))
    public Flux<ServerSentEvent<CloudEvent>> stream(@AuthenticationPrincipal CurrentUser user,
                                                    @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        return Flux.defer(() -> {
            Sinks.Many<CloudEvent> buffer = Sinks.many().unicast().onBackpressureBuffer();
            Disposable listening = hub.events(user.tenant()).subscribe(buffer::tryEmitNext);
            Set<String> replayed = ConcurrentHashMap.newKeySet();
            Flux<CloudEvent> missed = lastEventId == null || lastEventId.isBlank() ? Flux.empty()
                    : replay.after(lastEventId.strip(), user.tenant()).doOnNext(e -> replayed.add(e.id()));
            Flux<CloudEvent> events = missed.concatWith(buffer.asFlux().filter(e -> !replayed.contains(e.id())));
            Flux<ServerSentEvent<CloudEvent>> keepAlive = Flux.interval(properties.keepAlive())
                    .map(i -> ServerSentEvent.<CloudEvent>builder().comment("keepalive").build());
            return Flux.just(ServerSentEvent.<CloudEvent>builder().comment("connected").build())
                    .concatWith(Flux.merge(events.map(EventStreamController::toSse), keepAlive))
                    .doFinally(signal -> listening.dispose());
        });
    }

    private static ServerSentEvent<CloudEvent> toSse(CloudEvent event) {
        return ServerSentEvent.builder(event).id(event.id()).event(event.type()).build();
    }
}
