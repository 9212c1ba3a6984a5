package org.metrohub.portal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem bodies for errors raised outside controllers: no such route, method not allowed, a filter's
 * refusal. Runs before Spring Boot's default error handler so no error page or bare JSON ever leaves the hub.
 */
@Component
@Order(-2)
public class FallbackProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackProblemHandler.class);

    private final Problems problems;

    public FallbackProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ApiException e) {
            return problems.write(exchange, e.status(), e.getMessage());
        }
        if (error instanceof DataBufferLimitException) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the API takes.");
        }
        if (error instanceof ServerWebInputException e) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, ApiExceptionHandler.inputDetail(e));
        }
        if (error instanceof ResponseStatusException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            String detail = status == HttpStatus.NOT_FOUND ? "No such resource: " + exchange.getRequest().getPath().value()
                    : e.getReason() == null ? status.getReasonPhrase() : e.getReason();
            return problems.write(exchange, status, detail);
        }
        log.atError().addKeyValue("requestId", RequestIdFilter.requestId(exchange)).setCause(error)
                .log("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                "The hub could not complete the request; quote the request id when reporting it.");
    }
}
