package org.metrohub.portal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than the API takes, before reading any of it. Bodies sent
 * without a length are capped by the codecs' in-memory limit (the same size), which also answers 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter implements WebFilter {

    private final long limit;
    private final Problems problems;

    public BodySizeLimitFilter(@Value("${spring.http.codecs.max-in-memory-size:64KB}") DataSize limit, Problems problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + length + " bytes; the API takes at most " + limit + " bytes.");
        }
        return chain.filter(exchange);
    }
}
