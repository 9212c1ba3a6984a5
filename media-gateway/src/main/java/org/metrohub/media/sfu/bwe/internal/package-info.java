/**
 * The parts of the send-side estimator, each a small primitive state machine: {@code SentPacketHistory} (ring
 * of sent packets by transport-wide sequence number), {@code InterArrival} (send groups and their delay
 * variation), {@code TrendlineEstimator} (trendline filter, overuse detector, adaptive threshold),
 * {@code AimdRateControl} (delay-based rate and link capacity) and {@code LossBasedControl}. Only {@link
 * org.metrohub.media.sfu.bwe.BandwidthEstimator} assembles them; none allocates per packet.
 */
package org.metrohub.media.sfu.bwe.internal;
