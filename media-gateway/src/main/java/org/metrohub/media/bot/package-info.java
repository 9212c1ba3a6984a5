/**
 * A lightweight non-browser WebRTC participant for tests and load runs, <b>not a product feature</b>: nothing in
 * the node uses it. {@link org.metrohub.media.bot.BotParticipant} offers like Chromium (Unified Plan, BUNDLE,
 * rtcp-mux, {@code a=setup:actpass}, Opus and VP8 sendonly, N recvonly sections), connects with
 * {@code transport.ice.IceClient} (controlling) and {@code transport.dtls.DtlsEngine} (client), sends synthetic
 * RTP (VP8 with valid RFC 7741 descriptors and keyframes, Opus-like audio with RFC 6464 levels, a send timestamp
 * in every payload) and counts what it receives per SSRC, with one-way latency when sender and receiver share a
 * JVM.
 *
 * <pre>
 *   BotParticipant ── offer ──► Signalling (in-process: ConferenceSignalling → Conference.answer) ── answer ──┐
 *        │  ◄────────────────────────────────────────────────────────────────────────────────────────────────┘
 *        ├─ IceClient (USE-CANDIDATE) ──► node's shared UDP port
 *        ├─ DtlsEngine CLIENT ──► SrtpKeys (DTLS_CLIENT) ──► SrtpSession
 *        ├─ send: BotPacer thread (shared by all bots) ─► RTP/RTCP ─► protect ─► IceClient
 *        └─ receive: the IceClient's reader thread ─► DTLS / unprotect ─► counters per SSRC, latency histogram
 * </pre>
 *
 * <p>Why hand-written: a bot must be cheap enough to run hundreds in one JVM next to the node (one reader thread
 * each, one pacer thread for all, no allocation per packet) and speak exactly what the node accepts; the parts
 * that are protocol engines (ICE checks, DTLS, SRTP, SDP parsing, RTP views) are the node's own.
 */
package org.metrohub.media.bot;
