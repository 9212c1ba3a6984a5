package org.metrohub.portal.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the sentence the caller reads in the problem body. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final int retryAfterSeconds;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, 0);
    }

    private ApiException(HttpStatus status, String detail, int retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    /** Seconds the caller should wait before trying again ({@code Retry-After}); 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The hub is too busy for this call now; the caller should try again after that many seconds. */
    public static ApiException busy(String detail, int retryAfterSeconds) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfterSeconds);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail);
    }
}
