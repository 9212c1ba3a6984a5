package org.metrohub.media.sfu;

import java.util.Objects;
import org.metrohub.media.sfu.forward.RewriteDrop;
import org.metrohub.media.sfu.forward.StreamRewriter;

/**
 * One source forwarded to one receiver, in the receiver's section {@code receiverMid}: the simulcast layer that
 * goes out and the {@link StreamRewriter} that makes it one continuous stream under the source's outgoing SSRC.
 * The rewriter is used only under the receiver's send lock.
 */
final class Forwarding {

    private final Source source;
    private final Endpoint receiver;
    private final String receiverMid;
    private final StreamRewriter rewriter;
    private volatile boolean closed;
    long packets;
    long bytes;

    Forwarding(Source source, Endpoint receiver, String receiverMid, int firstSequenceNumber, long firstTimestamp) {
        this.source = Objects.requireNonNull(source, "source");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.receiverMid = Objects.requireNonNull(receiverMid, "receiverMid");
        this.rewriter = new StreamRewriter(source.streamKind(), source.outSsrc(), source.clockRate(),
                firstSequenceNumber, firstTimestamp);
        rewriter.setTargetLayer(source.simulcast() ? source.layerCount() - 1 : 0);
    }

    Source source() {
        return source;
    }

    Endpoint receiver() {
        return receiver;
    }

    String receiverMid() {
        return receiverMid;
    }

    StreamRewriter rewriter() {
        return rewriter;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /** The layer forwarded now, or -1 before the first keyframe of the target layer. */
    int layer() {
        return rewriter.currentLayer();
    }

    /**
     * Whether a packet of {@code layer} may go to this receiver: the layer being forwarded or the one being
     * switched to. Read on the sender's thread without the receiver's lock: a stale answer costs one copy or one
     * packet the rewriter drops anyway.
     */
    boolean wants(int layer) {
        int target = rewriter.targetLayer();
        return layer == target || layer == rewriter.currentLayer();
    }

    /** Dropped because the receiver waits for a keyframe of the layer it switches to. */
    long awaitingKeyframe() {
        return rewriter.stats().dropped(RewriteDrop.AWAITING_KEYFRAME);
    }
}
