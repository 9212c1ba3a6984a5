/**
 * The selective forwarding unit: rooms ({@link org.metrohub.media.sfu.Conference}), the participants' WebRTC
 * connections ({@link org.metrohub.media.sfu.Endpoint}), the tracks they send ({@link org.metrohub.media.sfu.Source})
 * and who receives what. Video is forwarded without decoding; each receiver gets each source under one SSRC of
 * the node's, rewritten by {@code sfu.forward}, at the simulcast layer chosen for it.
 *
 * <p>Signalling is the caller's (portal-api's WebSocket, docs/media-signalling.md): it hands offers to
 * {@link org.metrohub.media.sfu.Conference#answer} and hears back through
 * {@link org.metrohub.media.sfu.EndpointListener}. Negotiation rules are in {@code negotiation}
 * (docs/webrtc-negotiation.md); the browser always offers.
 *
 * <p>Moderation: who may moderate is the caller's decision; the conference enforces it. A moderator mute
 * ({@link org.metrohub.media.sfu.Conference#forceMute}) sets a per-kind flag on the sender's endpoint that its
 * receive path reads (a volatile, no allocation): the packets are still counted for receiver reports, then dropped
 * as {@link org.metrohub.media.sfu.Drop#MODERATOR_MUTED} before any receiver's forwarding sees them. A held mute
 * is remembered by endpoint id, so a reconnect does not escape it.
 *
 * <p>Threads: each endpoint's transport thread runs its receive path (DTLS, SRTP, RTP, RTCP) and forwards to
 * receivers itself; a receiver's send buffer, rewriters and SRTP send context are guarded by that receiver's send
 * lock (one short critical section per packet: copy, rewrite, encrypt, send). This departs from STYLE.md §8's
 * "one thread owns a pipeline" for now: it needs no queue or thread per receiver and a sender waits at most for
 * one receiver's encryption. Keyframe requests are made outside any receiver's lock, so two endpoints forwarding
 * to each other cannot deadlock. Control-plane changes (join, answer, leave) are serialised per conference.
 *
 * <p>Statistics: the media path only bumps counters it owns (per endpoint, drops also per conference);
 * {@link org.metrohub.media.sfu.TrafficTotals} sums them on the control plane, and a conference keeps its departed
 * endpoints' counts so totals never go back. {@link org.metrohub.media.sfu.EndpointObserver} hears endpoints come
 * and go.
 */
package org.metrohub.media.sfu;
