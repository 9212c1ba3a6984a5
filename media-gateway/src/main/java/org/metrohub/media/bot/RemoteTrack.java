package org.metrohub.media.bot;

/**
 * A track the node sends this bot, from the last answer: the receive-only section {@code mid}, the SSRC the node
 * sends it under, and whose it is ({@code participantId}: the answer's {@code a=msid} stream id, which the node
 * sets to the sender's endpoint id).
 */
public record RemoteTrack(String mid, String kind, int ssrc, String participantId, String trackId) {
}
