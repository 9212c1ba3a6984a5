package org.metrohub.media.bot;

/**
 * How a bot gets its offer answered: in-process {@link ConferenceSignalling} ({@code Conference.answer}), or a
 * caller's WebSocket client. Blocking is fine; a refused offer throws (e.g. {@code NegotiationException}).
 */
@FunctionalInterface
public interface Signalling {

    /** The answer SDP to {@code offerSdp}. */
    String answer(String offerSdp);
}
