package org.metrohub.media.sfu.bwe;

/**
 * One simulcast video source as the SFU receives it: its layers, lowest first (e.g. q/h/f at 180/360/720
 * lines), each with the height it carries and a {@link BitrateMeter} of what actually arrives on it. The
 * receive path calls {@link #onPacket} for every packet of the source (no allocation); the allocator reads
 * {@link #layerBitrate}. A layer the sender stopped (0 b/s over the last second) is not selectable.
 */
public final class SimulcastSource {
    private final String id;
    private final int[] heights;
    private final BitrateMeter[] meters;

    /** {@code layerHeights}: lines per layer, lowest layer first, increasing. */
    public SimulcastSource(String id, int... layerHeights) {
        if (layerHeights.length == 0) {
            throw new IllegalArgumentException("source " + id + " needs at least one layer");
        }
        for (int i = 1; i < layerHeights.length; i++) {
            if (layerHeights[i] <= layerHeights[i - 1]) {
                throw new IllegalArgumentException("source " + id + ": layer heights must increase");
            }
        }
        this.id = id;
        this.heights = layerHeights.clone();
        this.meters = new BitrateMeter[layerHeights.length];
        for (int i = 0; i < meters.length; i++) {
            meters[i] = new BitrateMeter();
        }
    }

    public String id() {
        return id;
    }

    public int layerCount() {
        return heights.length;
    }

    public int height(int layer) {
        return heights[layer];
    }

    /** Counts one received packet of {@code layer}; out-of-range layers are ignored. */
    public void onPacket(int layer, int size, long nowNanos) {
        if (layer >= 0 && layer < meters.length) {
            meters[layer].record(size, nowNanos);
        }
    }

    /** The layer's measured bitrate over the last second. */
    public long layerBitrate(int layer, long nowNanos) {
        return meters[layer].bitsPerSecond(nowNanos);
    }
}
