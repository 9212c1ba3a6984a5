package org.metrohub.media.sfu.speaker;

/**
 * Told when the dominant speaker changes. It is called on the thread that fed the audio level (a media thread):
 * hand the event to the control plane, do not block.
 */
@FunctionalInterface
public interface DominantSpeakerListener {
    /** {@code endpointId} is the new dominant speaker, or null when none is left. */
    void dominantSpeakerChanged(String endpointId, long nowNanos);
}
