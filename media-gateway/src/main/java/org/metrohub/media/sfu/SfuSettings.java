package org.metrohub.media.sfu;

import java.time.Duration;

/**
 * Tunables of the router.
 *
 * @param keyframeRequestInterval fewest time between two keyframe requests (PLI) sent to one sender's track
 * @param senderBitrate           the bandwidth the node tells senders they may use (REMB, RFC draft-alvestrand-
 *                                rmcat-remb), so a browser sends all its simulcast layers on a metropolitan network
 * @param feedbackInterval        how often receiver feedback (REMB) goes to senders
 * @param maxParticipants         endpoints per conference; joins beyond it are refused
 * @param lastN                   video of at most this many participants goes to each receiver, the most recent
 *                                speakers first (-1: everyone's); audio always goes to everyone
 */
public record SfuSettings(Duration keyframeRequestInterval, long senderBitrate, Duration feedbackInterval,
                          int maxParticipants, int lastN) {

    public SfuSettings {
        if (keyframeRequestInterval.isNegative()) {
            throw new IllegalArgumentException("keyframeRequestInterval must not be negative: " + keyframeRequestInterval);
        }
        if (senderBitrate < 100_000) {
            throw new IllegalArgumentException("senderBitrate must be at least 100000 b/s: " + senderBitrate);
        }
        if (feedbackInterval.toMillis() < 10) {
            throw new IllegalArgumentException("feedbackInterval must be at least 10 ms: " + feedbackInterval);
        }
        if (maxParticipants < 1) {
            throw new IllegalArgumentException("maxParticipants must be at least 1: " + maxParticipants);
        }
        if (lastN < -1) {
            throw new IllegalArgumentException("lastN must be -1 (everyone) or at least 0: " + lastN);
        }
    }

    /** 300 ms between PLIs, 3 Mb/s per sender, feedback every 500 ms, 100 participants, last-N 25. */
    public static SfuSettings defaults() {
        return new SfuSettings(Duration.ofMillis(300), 3_000_000, Duration.ofMillis(500), 100, 25);
    }
}
