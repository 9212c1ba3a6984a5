package org.metrohub.media.sfu.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the dominant speaker of a room from the RFC 6464 audio levels of its endpoints. A simpler relative of
 * "Dominant Speaker Identification for Multipoint Videoconferencing" (Volfin, Cohen 2013) that Jitsi uses:
 * one time scale instead of three, the same aims (a cough or a word does not take over, silence never
 * switches, a real speaker does within about two seconds).
 *
 * <ol>
 *   <li><b>Activity</b> of a level sample: {@code max(0, noiseLevel - level)} (levels are -dBov, so louder is
 *       smaller): 0 for silence and background quieter than {@code noiseLevel} (default 60 -dBov), about 30
 *       for normal speech at -30 dBov. The V bit is not used (not every sender sets it).</li>
 *   <li><b>Score</b> of an endpoint: its mean activity over the last {@code window} (1 s), each sample
 *       weighted by the time since that endpoint's previous sample (at most 100 ms), summed in ten buckets.
 *       Missing packets (Opus DTX sends almost none in silence) count as silence.</li>
 *   <li><b>Decision</b>, at most every 100 ms, on an incoming level: the highest score wins (the current
 *       dominant speaker wins ties). A challenger must have a score of at least {@code minSpeechScore}
 *       (default 5, i.e. speaking a good part of the window) and stay the winner for {@code switchDelay}
 *       (default 1 s) in a row to take over; then the listener is told.</li>
 * </ol>
 *
 * <p>{@link #onAudioLevel} allocates nothing (a map look-up by endpoint id and arithmetic on preallocated
 * buckets). Endpoints are added and removed on the control plane; one thread feeds levels (the room's audio
 * thread); {@link #speakerHistory} may be read on the control plane thread and is a copy.
 */
public final class ActiveSpeakerDetector {
    public static final int DEFAULT_NOISE_LEVEL = 60;
    public static final double DEFAULT_MIN_SPEECH_SCORE = 5.0;
    public static final long DEFAULT_SWITCH_DELAY_NANOS = 1_000_000_000L;
    static final long WINDOW_NANOS = 1_000_000_000L;
    static final int BUCKETS = 10;
    static final long BUCKET_NANOS = WINDOW_NANOS / BUCKETS;
    static final long MAX_SAMPLE_WEIGHT_NANOS = 100_000_000L;
    static final long FIRST_SAMPLE_WEIGHT_NANOS = 20_000_000L;
    static final long EVALUATE_EVERY_NANOS = 100_000_000L;

    private final int noiseLevel;
    private final double minSpeechScore;
    private final long switchDelayNanos;
    private final DominantSpeakerListener listener;
    private final Map<String, Speaker> byId = new HashMap<>();
    private final List<Speaker> speakers = new ArrayList<>();
    /** Endpoint ids, the most recent dominant speaker first, then the others in the order they joined. */
    private final List<String> history = new ArrayList<>();

    private Speaker dominant;
    private Speaker candidate;
    private long candidateSinceNanos;
    private long lastEvaluationNanos = Long.MIN_VALUE;

    /** Time-bucketed activity of one endpoint: activity × nanoseconds per bucket. */
    private static final class Speaker {
        final String id;
        final long[] epochs = new long[BUCKETS];
        final double[] sums = new double[BUCKETS];
        long lastSampleNanos = Long.MIN_VALUE;

        Speaker(String id) {
            this.id = id;
            java.util.Arrays.fill(epochs, Long.MIN_VALUE);
        }

        void add(double activityNanos, long nowNanos) {
            long epoch = Math.floorDiv(nowNanos, BUCKET_NANOS);
            int slot = (int) Math.floorMod(epoch, (long) BUCKETS);
            if (epochs[slot] > epoch) {
                return; // older than the window
            }
            if (epochs[slot] != epoch) {
                epochs[slot] = epoch;
                sums[slot] = 0;
            }
            sums[slot] += activityNanos;
        }

        double score(long nowNanos) {
            long nowEpoch = Math.floorDiv(nowNanos, BUCKET_NANOS);
            double total = 0;
            for (int i = 0; i < BUCKETS; i++) {
                if (epochs[i] <= nowEpoch && epochs[i] > nowEpoch - BUCKETS) {
                    total += sums[i];
                }
            }
            // From the oldest bucket's start to now: the newest bucket counts for the part of it that passed.
            long span = nowNanos - (nowEpoch - BUCKETS + 1) * BUCKET_NANOS;
            return total / Math.max(span, BUCKET_NANOS);
        }
    }

    public ActiveSpeakerDetector(DominantSpeakerListener listener) {
        this(DEFAULT_NOISE_LEVEL, DEFAULT_MIN_SPEECH_SCORE, DEFAULT_SWITCH_DELAY_NANOS, listener);
    }

    public ActiveSpeakerDetector(int noiseLevel, double minSpeechScore, long switchDelayNanos,
            DominantSpeakerListener listener) {
        if (noiseLevel < 1 || noiseLevel > AudioLevel.SILENCE || minSpeechScore <= 0 || switchDelayNanos < 0) {
            throw new IllegalArgumentException("speaker detector: noiseLevel in [1, 127], minSpeechScore > 0, "
                    + "switchDelay >= 0");
        }
        this.noiseLevel = noiseLevel;
        this.minSpeechScore = minSpeechScore;
        this.switchDelayNanos = switchDelayNanos;
        this.listener = listener;
    }

    /** Starts tracking an endpoint (at the end of the history); idempotent. */
    public void addEndpoint(String endpointId) {
        if (!byId.containsKey(endpointId)) {
            Speaker s = new Speaker(endpointId);
            byId.put(endpointId, s);
            speakers.add(s);
            history.add(endpointId);
        }
    }

    /**
     * Stops tracking an endpoint. If it was the dominant speaker, the most recent other speaker in the history
     * becomes dominant (or none) and the listener is told.
     */
    public void removeEndpoint(String endpointId, long nowNanos) {
        Speaker s = byId.remove(endpointId);
        if (s == null) {
            return;
        }
        speakers.remove(s);
        history.remove(endpointId);
        if (candidate == s) {
            candidate = null;
        }
        if (dominant == s) {
            dominant = history.isEmpty() ? null : byId.get(history.get(0));
            listener.dominantSpeakerChanged(dominant == null ? null : dominant.id, nowNanos);
        }
    }

    /**
     * One audio level of {@code endpointId} at {@code nowNanos}: {@code level} in -dBov, 0–127 (use {@link
     * AudioLevel#level} on a raw extension byte). Levels of unknown endpoints are ignored.
     */
    public void onAudioLevel(String endpointId, int level, long nowNanos) {
        Speaker s = byId.get(endpointId);
        if (s == null) {
            return;
        }
        long weight = s.lastSampleNanos == Long.MIN_VALUE ? FIRST_SAMPLE_WEIGHT_NANOS
                : Math.max(0, Math.min(MAX_SAMPLE_WEIGHT_NANOS, nowNanos - s.lastSampleNanos));
        s.lastSampleNanos = Math.max(s.lastSampleNanos, nowNanos);
        int activity = Math.max(0, noiseLevel - (level & 0x7F));
        if (activity > 0 && weight > 0) {
            s.add((double) activity * weight, nowNanos);
        }
        if (lastEvaluationNanos == Long.MIN_VALUE || nowNanos - lastEvaluationNanos >= EVALUATE_EVERY_NANOS) {
            lastEvaluationNanos = nowNanos;
            evaluate(nowNanos);
        }
    }

    private void evaluate(long nowNanos) {
        Speaker best = dominant;
        double bestScore = dominant == null ? 0 : dominant.score(nowNanos);
        for (int i = 0, n = speakers.size(); i < n; i++) {
            Speaker s = speakers.get(i);
            double score = s.score(nowNanos);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best == null || best == dominant || bestScore < minSpeechScore) {
            candidate = null;
            return;
        }
        if (candidate != best) {
            candidate = best;
            candidateSinceNanos = nowNanos;
        }
        if (nowNanos - candidateSinceNanos >= switchDelayNanos) {
            dominant = best;
            candidate = null;
            history.remove(best.id);
            history.add(0, best.id);
            listener.dominantSpeakerChanged(best.id, nowNanos);
        }
    }

    /** The dominant speaker's endpoint id, or null before anyone has dominated. */
    public String dominantSpeaker() {
        return dominant == null ? null : dominant.id;
    }

    /** Tracked endpoints, most recent dominant speaker first, then those who never dominated, in join order. */
    public List<String> speakerHistory() {
        return List.copyOf(history);
    }

    /** An endpoint's current score (mean activity over the window), for stats and tests; 0 if unknown. */
    public double score(String endpointId, long nowNanos) {
        Speaker s = byId.get(endpointId);
        return s == null ? 0 : s.score(nowNanos);
    }
}
