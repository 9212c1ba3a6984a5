/**
 * The SFU's RTCP feedback stages: repair, keyframes and congestion feedback between browsers and the node.
 *
 * <pre>
 * sender ──RTP──▶ TransportCcRecorder (arrival per transport-wide seq) ──transport-cc every ~100 ms──▶ sender
 *                 NackGenerator (gaps per stream) ───────────────────────NACK─────────────────────▶ sender
 *                 KeyframeRequester (receivers' PLI/FIR, one per 300 ms) ─PLI/FIR────────────────▶ sender
 * receiver ◀─RTP── PacketCache (copy of each sent packet, per outgoing stream)
 * receiver ──NACK─▶ NackResponder ── cached packet, over RtxEncoder (RFC 4588) or as sent ──▶ receiver
 * </pre>
 *
 * <p>Each stage is a plain class owned by one pipeline thread: no locks, clocks passed in as {@code long} nanos,
 * buffers sized at construction and nothing allocated per packet; each counts what it did and what it refused.
 * Packet bytes are read and written with the views and writers of {@code org.metrohub.media.rtp}. Hand-written
 * because these are small policies over our own packet views; Jitsi's equivalents (which we learned from) are
 * Kotlin nodes tied to its pipeline and packet classes.
 */
package org.metrohub.media.sfu.feedback;
