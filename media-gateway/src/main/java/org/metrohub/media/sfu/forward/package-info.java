/**
 * Per-receiver rewriting of forwarded streams: what makes a sender's simulcast layers (or a last-N slot's
 * changing sources) look like one continuous RTP stream to the receiver's jitter buffer and decoder.
 *
 * <pre>
 *   sender's packet ──► (router: layer index, keyframe? via codec) ──► StreamRewriter (per receiver)
 *        ──► SSRC, seq, timestamp, VP8 PictureID/TL0PICIDX rewritten in place ──► encrypt ──► receiver
 *                                    └─ dropped: not selected, awaiting keyframe, too old (RewriterStats)
 * </pre>
 *
 * <p>This package owns the choice of switch points (keyframes of the target layer), the continuity of every
 * rewritten field across switches and wrap-arounds, the outgoing-to-incoming sequence map the NACK path needs,
 * and the drop counters. It does not choose layers (the bandwidth estimate does) nor send PLIs (the caller
 * does, when {@link org.metrohub.media.sfu.forward.StreamRewriter#needsKeyframe()}). No allocation per packet.
 */
package org.metrohub.media.sfu.forward;
