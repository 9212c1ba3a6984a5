package org.metrohub.media.sfu.bwe;

/**
 * What one receiver wants of one source, for {@link LayerSelector#allocate}.
 *
 * @param source    the source and its measured layers
 * @param onStage   shown large (active speaker, pinned, screen share): may use any layer up to
 *                  {@code maxHeight}; otherwise a thumbnail, held at the lowest layer
 * @param maxHeight the receiver's preferred maximum height for this source in lines (its view size);
 *                  0 = no video wanted; {@link Integer#MAX_VALUE} = no limit. The lowest layer is allowed
 *                  even if taller.
 */
public record SourceRequest(SimulcastSource source, boolean onStage, int maxHeight) {
    public SourceRequest {
        if (maxHeight < 0) {
            throw new IllegalArgumentException("maxHeight must be >= 0: " + maxHeight);
        }
    }

    public static SourceRequest onStage(SimulcastSource source) {
        return new SourceRequest(source, true, Integer.MAX_VALUE);
    }

    public static SourceRequest thumbnail(SimulcastSource source) {
        return new SourceRequest(source, false, Integer.MAX_VALUE);
    }
}
