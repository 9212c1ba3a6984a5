package org.metrohub.portal.bbb;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.metrohub.elearning.bbb.BbbDispatcher;
import org.metrohub.elearning.bbb.BbbResponse;
import org.metrohub.portal.web.ApiException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /bigbluebutton/api/{call}}: BigBlueButton's API for LMS plugins, answered by the elearning library's
 * {@link BbbDispatcher} over {@link RoomMeetings}. No bearer token: the checksum is the authentication. The raw
 * query string is what is checksummed; a {@code POST} with a form body and no query is taken as if the form were
 * the query. The dispatcher blocks (database, Redis), so it runs on {@code boundedElastic}.
 */
@RestController
@Tag(name = "bigbluebutton")
public class BbbController {

    private final BbbProperties properties;
    private final RoomMeetings meetings;
    private final BbbDispatcher dispatcher;

    public BbbController(BbbProperties properties, RoomMeetings meetings) {
        this.properties = properties;
        this.meetings = meetings;
        this.dispatcher = properties.enabled() ? new BbbDispatcher(properties.apiConfig(), new SecureRandom()) : null;
    }

    @RequestMapping(path = {"/bigbluebutton/api", "/bigbluebutton/api/", "/bigbluebutton/api/{call}"},
            method = {RequestMethod.GET, RequestMethod.POST})
    @Operation(summary = "BigBlueButton API call (create, join, end, isMeetingRunning, getMeetingInfo, getMeetings, "
            + "getRecordings) authenticated by its checksum; the root answers with the version")
    public Mono<ResponseEntity<String>> call(@PathVariable(required = false) String call, ServerWebExchange exchange) {
        if (dispatcher == null) {
            return Mono.error(ApiException.notFound("The BigBlueButton-compatible API is not enabled."));
        }
        String callName = call == null ? "" : call;
        return rawQuery(exchange)
                .flatMap(query -> Mono.fromCallable(() -> dispatcher.dispatch(callName, query, meetings))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(BbbController::toHttp);
    }

    /** The query as received; for a form {@code POST} without one, the form body. */
    private static Mono<String> rawQuery(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        boolean form = HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(exchange.getRequest().getHeaders().getContentType());
        if ((query != null && !query.isEmpty()) || !form) {
            return Mono.just(query == null ? "" : query);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.US_ASCII);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("");
    }

    private static ResponseEntity<String> toHttp(BbbResponse response) {
        if (response.isRedirect()) {
            // the location carries a one-time guest ticket: nothing may keep it
            return ResponseEntity.status(response.status())
                    .header(HttpHeaders.LOCATION, response.location().orElseThrow())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        return ResponseEntity.status(response.status())
                .header(HttpHeaders.CONTENT_TYPE, response.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(response.body());
    }
}
