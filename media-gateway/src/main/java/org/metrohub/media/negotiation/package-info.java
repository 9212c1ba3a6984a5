/**
 * SDP offer/answer for WebRTC participants: the browser always offers (Unified Plan, BUNDLE, rtcp-mux, trickle
 * ICE) and the node always answers as ICE-controlled, DTLS-passive endpoint. {@link
 * org.metrohub.media.negotiation.OfferReader} checks an offer into an {@link org.metrohub.media.negotiation.Offer},
 * {@link org.metrohub.media.negotiation.CodecPolicy} picks what the router can forward, and {@link
 * org.metrohub.media.negotiation.AnswerBuilder} writes the answer and the per-mid {@link
 * org.metrohub.media.negotiation.Negotiated} facts the router needs (payload types, extension ids, rids, SSRCs).
 *
 * <pre>
 *   offer text ─ SdpParser ─ OfferReader (checks) ─▶ Offer
 *   Offer + LocalTransport + OutgoingTracks by mid ─ AnswerBuilder (CodecPolicy) ─▶ Answer
 *                                                       ├─ SessionDescription ─ SdpWriter ─▶ answer text
 *                                                       └─ Negotiated ─▶ router
 * </pre>
 *
 * <p>Hand-written on our {@code sdp} model: the rules are the node's (what it forwards, which role it takes), not
 * a general offer/answer engine, and no maintained Java library implements JSEP answers.
 */
package org.metrohub.media.negotiation;
