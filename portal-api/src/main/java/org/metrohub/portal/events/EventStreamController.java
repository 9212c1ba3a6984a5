package org.metrohub.portal.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.metrohub.portal.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The live stream of the caller's tenant's room events, as server-sent events. */
@RestController
@Tag(name = "events")
public class EventStreamController {

    private final LiveEventHub hub;
    private final EventsProperties properties;

    public EventStreamController(LiveEventHub hub, EventsProperties properties) {
        this.hub = hub;
        this.properties = properties;
    }

    @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Room events of your tenant as server-sent events (CloudEvents JSON in data)",
            security = @SecurityRequirement(name = "bearer"))
    public Flux<ServerSentEvent<CloudEvent>> stream(@AuthenticationPrincipal CurrentUser user) {
        Flux<ServerSentEvent<CloudEvent>> events = hub.events(user.tenant())
                .map(e -> ServerSentEvent.builder(e).id(e.id()).event(e.type()).build());
        Flux<ServerSentEvent<CloudEvent>> keepAlive = Flux.interval(properties.keepAlive())
                .map(i -> ServerSentEvent.<CloudEvent>builder().comment("keepalive").build());
        Flux<ServerSentEvent<CloudEvent>> hello = Flux.just(ServerSentEvent.<CloudEvent>builder().comment("connected").build());
        return hello.concatWith(Flux.merge(events, keepAlive));
    }
}
