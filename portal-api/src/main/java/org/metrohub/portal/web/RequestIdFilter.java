package org.metrohub.portal.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), returns it
 * in the response header, puts it in problem bodies, and logs one structured access line per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("org.metrohub.portal.access");

    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        long start = System.nanoTime();
        return chain.filter(exchange)
                .contextWrite(context -> context.put(ATTRIBUTE, id))
                .doFinally(signal -> logAccess(exchange, id, start));
    }

    private static void logAccess(ServerWebExchange exchange, String id, long start) {
        if (!access.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String path = loggable(exchange.getRequest().getPath().value());
        access.atInfo()
                .addKeyValue("requestId", id)
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("path", path)
                .addKeyValue("status", status == null ? 0 : status.value())
                .addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
                .log("{} {} {}", exchange.getRequest().getMethod().name(), path, status == null ? 0 : status.value());
    }

    /** The path as it may be logged: secrets that travel in a path (invite tokens) are masked. */
    static String loggable(String path) {
        return SECRET_IN_PATH.matcher(path).replaceFirst("$1***$2");
    }

    /** {@code /api/invites/{token}/…}: the token enrols whoever holds it, and the hub keeps only its hash. */
    private static final java.util.regex.Pattern SECRET_IN_PATH =
            java.util.regex.Pattern.compile("^(/api/invites/)[^/]+(/.*)?$");
}
