package org.metrohub.media.sfu;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.metrohub.media.sfu.bwe.BandwidthEstimator;
import org.metrohub.media.sfu.bwe.BandwidthUsage;
import org.metrohub.media.sfu.bwe.LayerAllocation;
import org.metrohub.media.sfu.bwe.LayerSelector;
import org.metrohub.media.sfu.bwe.SourceRequest;

/**
 * One receiver's video: last-N (sources beyond it are paused) and the simulcast layer of each source it gets.
 * Runs on the conference's periodic task, never on the packet path; it takes the receiver's send lock only to read
 * the estimate and to move a rewriter's target.
 */
final class LayerChoice {

    private static final System.Logger LOG = System.getLogger(LayerChoice.class.getName());

    /** Calm time before a receiver is tried on a higher layer. */
    static final long PROBE_AFTER_NANOS = 4_000_000_000L;
    /** How long a tried layer is kept unless the path overuses. */
    static final long PROBE_NANOS = 4_000_000_000L;

    private final Endpoint receiver;
    private final LayerSelector layerSelector = new LayerSelector();
    private long lastOveruseNanos;

    LayerChoice(Endpoint receiver) {
        this.receiver = receiver;
    }

    /**
     * Chooses the simulcast layer of each source the receiver gets from its bandwidth estimate (transport-wide
     * feedback, else its REMB), the dominant speaker's video first ({@link LayerSelector}); the switch happens at
     * that layer's next keyframe. The estimate cannot grow much beyond what is sent, so when the path has been
     * calm for {@link #PROBE_AFTER_NANOS} a source one layer short of the best the sender offers is tried one
     * layer up for {@link #PROBE_NANOS}: the higher rate either shows the path carries it (the estimate rises) or
     * overuses it (the estimate falls and the layer comes down). Called from the conference's periodic task.
     */
    void run(long now, String dominantSpeaker, Set<String> videoFrom) {
        Forwarding[] all = receiver.receiving();
        List<SourceRequest> requests = new ArrayList<>();
        for (Forwarding f : all) {
            if (videoFrom != null && f.source().kind().equals("video") && !videoFrom.contains(f.source().owner().id())) {
                pause(f); // beyond last-N: no video from this participant for now
                continue;
            }
            if (f.source().kind().equals("video") && !f.source().simulcast() && f.rewriter().targetLayer() < 0) {
                resume(f, 0);
            }
            if (f.source().simulcast() && !f.closed()) {
                Source s = f.source();
                requests.add(s.owner().id().equals(dominantSpeaker) || all.length <= 2
                        ? SourceRequest.onStage(s.meter()) : SourceRequest.thumbnail(s.meter()));
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        long estimate;
        boolean calm;
        synchronized (receiver.sendLock()) {
            BandwidthEstimator bandwidth = receiver.bandwidth();
            boolean measured = bandwidth.feedbackPackets() > 0 || bandwidth.rembBps() > 0;
            estimate = measured ? bandwidth.estimateBps() : Long.MAX_VALUE / 4;
            calm = bandwidth.usage() != BandwidthUsage.OVERUSING && bandwidth.lossFraction() < 0.05;
            if (!calm) {
                lastOveruseNanos = now;
            }
        }
        LayerAllocation allocation = layerSelector.allocate(estimate, requests, now);
        for (Forwarding f : all) {
            Source s = f.source();
            if (!s.simulcast() || f.closed()
                    || (videoFrom != null && !videoFrom.contains(s.owner().id()))) {
                continue;
            }
            int highest = s.highestActiveLayer(now, 1_000_000_000L);
            if (highest < 0) {
                continue;
            }
            int target = Math.min(Math.max(0, allocation.layerOf(s.meter().id())), highest);
            if (f.probeUntilNanos() > now && f.probeLayer() > target && calm) {
                target = Math.min(f.probeLayer(), highest);
            } else if (target < highest && calm && now - lastOveruseNanos > PROBE_AFTER_NANOS
                    && now - f.lastUpSwitchNanos() > PROBE_AFTER_NANOS) {
                target = target + 1;
                f.probe(target, now + PROBE_NANOS);
            }
            boolean switching;
            synchronized (receiver.sendLock()) {
                int before = f.rewriter().targetLayer();
                switching = before != target;
                if (switching) {
                    f.rewriter().setTargetLayer(target);
                    if (target > before) {
                        f.upSwitched(now);
                    }
                }
            }
            if (switching) {
                LOG.log(Level.DEBUG, "{0}: {1} now gets layer {2} of {3} (estimate {4} b/s)", receiver, s, target,
                        s.layerCount(), estimate);
                receiver.conference().requestKeyframe(s);
            }
        }
    }

    private void pause(Forwarding f) {
        synchronized (receiver.sendLock()) {
            if (f.rewriter().targetLayer() >= 0) {
                f.rewriter().setTargetLayer(-1);
            }
        }
    }

    private void resume(Forwarding f, int layer) {
        synchronized (receiver.sendLock()) {
            f.rewriter().setTargetLayer(layer);
        }
        receiver.conference().requestKeyframe(f.source());
    }
}
