package org.metrohub.media.sfu.bwe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses, for one receiver, which simulcast layer of each source to forward within its bandwidth estimate.
 * Control plane: call it when the estimate or the sources change, or on a timer (e.g. every 500 ms); it
 * allocates a little per decision and nothing per packet.
 *
 * <p>Allocation, with sources in the receiver's priority order (on-stage sources are moved first, keeping
 * the order among them and among the rest):
 * <ol>
 *   <li>every source gets its lowest active layer (within its {@code maxHeight}, if one is) while the
 *       budget lasts; the first that does not fit and
 *       every source after it are suspended (so a low-priority thumbnail never displaces a higher one);</li>
 *   <li>on-stage sources, in order, are raised to the highest active layer within their {@code maxHeight}
 *       that the rest of the budget pays for; thumbnails stay at the lowest layer.</li>
 * </ol>
 *
 * <p>Hysteresis, so the picture does not flap: a layer above the one being forwarded costs its bitrate ×
 * {@code upSwitchFactor} (1.2), and the allocation must have wanted it for {@code upSwitchHold} (2 s) in
 * a row before it is forwarded (suspended → lowest layer counts as an up-switch). A down-switch, when the
 * current layer no longer fits at its plain bitrate, happens at once. A source seen for the first time
 * takes its allocated layer at once. While an up-switch is pending its cost stays reserved in the budget.
 */
public final class LayerSelector {
    public static final double DEFAULT_UP_SWITCH_FACTOR = 1.2;
    public static final long DEFAULT_UP_SWITCH_HOLD_NANOS = 2_000_000_000L;

    private static final long NOT_PENDING = Long.MIN_VALUE;

    private final double upSwitchFactor;
    private final long upSwitchHoldNanos;
    private final Map<String, State> states = new HashMap<>();

    private static final class State {
        int layer;
        long pendingSinceNanos = NOT_PENDING;

        State(int layer) {
            this.layer = layer;
        }
    }

    public LayerSelector() {
        this(DEFAULT_UP_SWITCH_FACTOR, DEFAULT_UP_SWITCH_HOLD_NANOS);
    }

    public LayerSelector(double upSwitchFactor, long upSwitchHoldNanos) {
        if (upSwitchFactor < 1.0 || upSwitchHoldNanos < 0) {
            throw new IllegalArgumentException("need upSwitchFactor >= 1 and upSwitchHoldNanos >= 0");
        }
        this.upSwitchFactor = upSwitchFactor;
        this.upSwitchHoldNanos = upSwitchHoldNanos;
    }

    /** Allocates {@code estimateBps} across {@code sources} (priority order) at {@code nowNanos}. */
    public LayerAllocation allocate(long estimateBps, List<SourceRequest> sources, long nowNanos) {
        List<SourceRequest> ordered = new ArrayList<>(sources.size());
        for (SourceRequest r : sources) {
            if (r.onStage()) {
                ordered.add(r);
            }
        }
        for (SourceRequest r : sources) {
            if (!r.onStage()) {
                ordered.add(r);
            }
        }
        int n = ordered.size();
        int[] desired = new int[n];
        double budget = estimateBps;
        boolean exhausted = false;
        for (int i = 0; i < n; i++) {
            SourceRequest r = ordered.get(i);
            int lowest = exhausted ? -1 : lowestActive(r, nowNanos);
            desired[i] = LayerAllocation.SUSPENDED;
            if (lowest < 0) {
                continue;
            }
            double cost = cost(r, lowest, nowNanos);
            if (cost <= budget) {
                desired[i] = lowest;
                budget -= cost;
            } else {
                exhausted = true;
            }
        }
        for (int i = 0; i < n; i++) {
            SourceRequest r = ordered.get(i);
            if (!r.onStage() || desired[i] < 0) {
                continue;
            }
            double base = cost(r, desired[i], nowNanos);
            for (int layer = highestAllowed(r); layer > desired[i]; layer--) {
                if (r.source().layerBitrate(layer, nowNanos) <= 0) {
                    continue;
                }
                double extra = cost(r, layer, nowNanos) - base;
                if (extra <= budget) {
                    desired[i] = layer;
                    budget -= extra;
                    break;
                }
            }
        }
        return apply(ordered, desired, sources, estimateBps, nowNanos);
    }

    private LayerAllocation apply(List<SourceRequest> ordered, int[] desired, List<SourceRequest> asked,
            long estimateBps, long nowNanos) {
        Map<String, LayerAllocation.SourceLayer> chosen = new HashMap<>();
        Set<String> present = new HashSet<>();
        long allocated = 0;
        for (int i = 0; i < ordered.size(); i++) {
            SimulcastSource source = ordered.get(i).source();
            present.add(source.id());
            State state = states.get(source.id());
            int want = desired[i];
            if (state == null) {
                state = new State(want);
                states.put(source.id(), state);
            } else if (want < state.layer) {
                state.layer = want;
                state.pendingSinceNanos = NOT_PENDING;
            } else if (want > state.layer) {
                if (state.pendingSinceNanos == NOT_PENDING) {
                    state.pendingSinceNanos = nowNanos;
                }
                if (nowNanos - state.pendingSinceNanos >= upSwitchHoldNanos) {
                    state.layer = want;
                    state.pendingSinceNanos = NOT_PENDING;
                }
            } else {
                state.pendingSinceNanos = NOT_PENDING;
            }
            long bitrate = state.layer >= 0 ? source.layerBitrate(state.layer, nowNanos) : 0;
            allocated += bitrate;
            chosen.put(source.id(), new LayerAllocation.SourceLayer(source.id(), state.layer, bitrate,
                    state.pendingSinceNanos != NOT_PENDING));
        }
        states.keySet().retainAll(present);
        List<LayerAllocation.SourceLayer> result = new ArrayList<>(asked.size());
        for (SourceRequest r : asked) {
            result.add(chosen.get(r.source().id()));
        }
        return new LayerAllocation(result, estimateBps, allocated);
    }

    /** What a layer costs in the allocation: above the forwarded layer, with the up-switch margin. */
    private double cost(SourceRequest r, int layer, long nowNanos) {
        double bitrate = r.source().layerBitrate(layer, nowNanos);
        State state = states.get(r.source().id());
        return state != null && layer > state.layer ? bitrate * upSwitchFactor : bitrate;
    }

    private static int lowestActive(SourceRequest r, long nowNanos) {
        if (r.maxHeight() == 0) {
            return -1;
        }
        for (int layer = 0, top = highestAllowed(r); layer <= top; layer++) {
            if (r.source().layerBitrate(layer, nowNanos) > 0) {
                return layer;
            }
        }
        return -1;
    }

    /** The highest layer within the request's height (at least the lowest). */
    private static int highestAllowed(SourceRequest r) {
        SimulcastSource s = r.source();
        int top = 0;
        for (int layer = 1; layer < s.layerCount(); layer++) {
            if (s.height(layer) <= r.maxHeight()) {
                top = layer;
            }
        }
        return top;
    }
}
