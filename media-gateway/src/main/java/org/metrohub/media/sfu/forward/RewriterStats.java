package org.metrohub.media.sfu.forward;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one {@link StreamRewriter}: packets forwarded, layer/source switches, and drops per {@link
 * RewriteDrop}. The rewriter's thread is the only writer (ordered stores, no locked increments); any thread
 * may read them.
 */
public final class RewriterStats {
    private static final RewriteDrop[] DROPS = RewriteDrop.values();
    private static final int FORWARDED = DROPS.length;
    private static final int SWITCHES = DROPS.length + 1;

    private final AtomicLongArray counters = new AtomicLongArray(DROPS.length + 2);

    RewriterStats() {
    }

    public long forwarded() {
        return counters.get(FORWARDED);
    }

    /** Epochs started: the first packet, each layer switch and each new source SSRC. */
    public long switches() {
        return counters.get(SWITCHES);
    }

    public long dropped(RewriteDrop reason) {
        return counters.get(reason.ordinal());
    }

    public long droppedTotal() {
        long sum = 0;
        for (RewriteDrop d : DROPS) {
            sum += dropped(d);
        }
        return sum;
    }

    void countForwarded() {
        increment(FORWARDED);
    }

    void countSwitch() {
        increment(SWITCHES);
    }

    void countDrop(RewriteDrop reason) {
        increment(reason.ordinal());
    }

    private void increment(int index) {
        counters.lazySet(index, counters.get(index) + 1);
    }
}
