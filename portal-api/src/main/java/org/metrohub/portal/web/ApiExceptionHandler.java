package org.metrohub.portal.web;

import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns what controllers throw into problem bodies: our {@link ApiException}s as they are, Spring's own
 * input errors with a sentence a caller can act on (never a parser's internals), anything else as a 500
 * that is logged with its request id and says nothing of the cause.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> handle(ApiException e, ServerWebExchange exchange) {
        if (e.retryAfterSeconds() > 0) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        return problem(e.status(), e.getMessage(), exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public ResponseEntity<ProblemDetail> handle(DataBufferLimitException e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the API takes.", exchange);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RedisException.class})
    public ResponseEntity<ProblemDetail> handleUnavailable(RuntimeException e, ServerWebExchange exchange) {
        log.atWarn().addKeyValue("requestId", RequestIdFilter.requestId(exchange))
                .log("A backing store is unavailable on {} {}: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE,
                "A backing store of the hub is unavailable for a moment; try again shortly.", exchange);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> handleUnexpected(Exception e, ServerWebExchange exchange) {
        log.atError().addKeyValue("requestId", RequestIdFilter.requestId(exchange)).setCause(e)
                .log("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "The hub could not complete the request; quote the request id when reporting it.", exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = e.getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid.");
        return Mono.just(body(problem(HttpStatus.BAD_REQUEST, detail, exchange)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(body(problem(HttpStatus.BAD_REQUEST, inputDetail(e), exchange)));
    }

    /** Spring's own input errors (415, 405, 404 of a static path…) get the request id like ours. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                               ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && RequestIdFilter.requestId(exchange) != null) {
            problem.setProperty("requestId", RequestIdFilter.requestId(exchange));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    static String inputDetail(ServerWebInputException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof DataBufferLimitException) {
                return "The request body is larger than the API takes.";
            }
            if (cause instanceof DecodingException) {
                return "The request body is not valid JSON for this call.";
            }
            cause = cause.getCause();
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            return "Parameter '" + e.getMethodParameter().getParameterName() + "' is missing or not valid.";
        }
        return e.getReason() == null ? "The request is not valid." : e.getReason();
    }

    private static ResponseEntity<Object> body(ResponseEntity<ProblemDetail> problem) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, ServerWebExchange exchange) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, detail, exchange));
    }
}
