package org.metrohub.media.sfu.bwe;

import java.util.List;

/**
 * One receiver's allocation: per source (in the order they were asked for) the layer to forward, or
 * {@link #SUSPENDED}.
 *
 * @param sources      one entry per requested source
 * @param budgetBps    the estimate it was allocated from
 * @param allocatedBps the sum of the chosen layers' measured bitrates
 */
public record LayerAllocation(List<SourceLayer> sources, long budgetBps, long allocatedBps) {
    public static final int SUSPENDED = -1;

    /**
     * @param sourceId    the source
     * @param layer       the layer index to forward, or {@link #SUSPENDED}
     * @param bitrateBps  that layer's measured bitrate (0 when suspended)
     * @param pendingUp   a higher layer fits but has not yet fitted for the hold time
     */
    public record SourceLayer(String sourceId, int layer, long bitrateBps, boolean pendingUp) {
    }

    public LayerAllocation {
        sources = List.copyOf(sources);
    }

    /** The layer chosen for {@code sourceId}, or {@link #SUSPENDED} (also when it was not requested). */
    public int layerOf(String sourceId) {
        for (SourceLayer s : sources) {
            if (s.sourceId().equals(sourceId)) {
                return s.layer();
            }
        }
        return SUSPENDED;
    }
}
