/**
 * How much each receiver can take, and what to send it: the SFU's per-receiver bandwidth estimate and the
 * simulcast layer choice it drives.
 *
 * <pre>
 *   send: packet ──► BandwidthEstimator.onPacketSent(transport seq, time, size)
 *   RTCP: TWCC ──► BandwidthEstimator.onTransportFeedback ──► estimateBps()   REMB ──► onRemb (upper bound)
 *   per layer: packet ──► BitrateMeter (1 s window)
 *   control plane (e.g. every 500 ms): LayerSelector.allocate(estimate, sources in priority order) ──► layer per source
 * </pre>
 *
 * <p>{@link org.metrohub.media.sfu.bwe.BandwidthEstimator} is Google Congestion Control
 * (draft-ietf-rmcat-gcc-02) as libwebrtc runs it send-side: a delay-based estimate (trendline over
 * inter-group delay variation, adaptive-threshold overuse detector, AIMD) and a loss-based one, the lower
 * wins. It is hand-written because no Java library does send-side GCC, Jitsi's (which we read) is Kotlin and
 * bound to its own pipeline, and the per-packet entry points here must allocate nothing. Clocks are plain
 * {@code long} nanoseconds passed in; nothing here reads the time or starts a thread.
 */
package org.metrohub.media.sfu.bwe;
