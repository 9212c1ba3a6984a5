package org.metrohub.media.sfu;

import java.util.Objects;
import org.metrohub.media.sfu.feedback.NackResponder;
import org.metrohub.media.sfu.feedback.PacketCache;
import org.metrohub.media.sfu.feedback.RtxEncoder;
import org.metrohub.media.sfu.forward.RewriteDrop;
import org.metrohub.media.sfu.forward.StreamRewriter;

/**
 * One source forwarded to one receiver, in the receiver's section {@code receiverMid}: the simulcast layer that
 * goes out, the {@link StreamRewriter} that makes it one continuous stream under the source's outgoing SSRC with
 * the receiver's payload type, and (video) the cache that answers the receiver's NACKs, over RTX when the
 * receiver negotiated it. Everything here is used only under the receiver's send lock.
 */
final class Forwarding {

    /** Video packets kept for retransmission: about four seconds of a 600 kb/s stream. */
    static final int CACHE_PACKETS = 256;
    private static final long CACHE_AGE_NANOS = 1_000_000_000L;

    private final Source source;
    private final Endpoint receiver;
    private final String receiverMid;
    private final int payloadType;
    private final StreamRewriter rewriter;
    private final PacketCache cache;
    private final NackResponder nacks;
    private volatile boolean closed;
    private long probeUntilNanos;
    private int probeLayer = -1;
    private long lastUpSwitchNanos;
    long packets;
    long bytes;

    /**
     * @param payloadType    the receiver's payload type for the source's codec
     * @param rtxPayloadType the receiver's RTX payload type for it, -1 without RTX
     */
    Forwarding(Source source, Endpoint receiver, String receiverMid, int payloadType, int rtxPayloadType,
               int firstSequenceNumber, long firstTimestamp) {
        this.source = Objects.requireNonNull(source, "source");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.receiverMid = Objects.requireNonNull(receiverMid, "receiverMid");
        this.payloadType = payloadType;
        this.rewriter = new StreamRewriter(source.streamKind(), source.outSsrc(), source.clockRate(),
                firstSequenceNumber, firstTimestamp);
        rewriter.setTargetLayer(0); // simulcast: start low, the layer choice raises it as the estimate allows
        if (source.kind().equals("video")) {
            this.cache = new PacketCache(CACHE_PACKETS, PacketCache.DEFAULT_MAX_PACKET_LENGTH, CACHE_AGE_NANOS);
            RtxEncoder rtx = null;
            if (rtxPayloadType >= 0) {
                rtx = new RtxEncoder(source.outRtxSsrc(), firstSequenceNumber ^ 0x5A5A).associate(payloadType,
                        rtxPayloadType);
            }
            this.nacks = new NackResponder(cache, rtx, NackResponder.DEFAULT_MIN_RESEND_INTERVAL_NANOS,
                    receiver.retransmissions());
        } else {
            this.cache = null;
            this.nacks = null;
        }
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

    int payloadType() {
        return payloadType;
    }

    StreamRewriter rewriter() {
        return rewriter;
    }

    /** The sent-packet cache (video), null for audio. */
    PacketCache cache() {
        return cache;
    }

    /** Answers the receiver's NACKs (video), null for audio. */
    NackResponder nacks() {
        return nacks;
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
        return layer == rewriter.targetLayer() || layer == rewriter.currentLayer();
    }

    /** Dropped because the receiver waits for a keyframe of the layer it switches to. */
    long awaitingKeyframe() {
        return rewriter.stats().dropped(RewriteDrop.AWAITING_KEYFRAME);
    }

    // layer-choice state, used by the receiver's periodic layer choice only

    long probeUntilNanos() {
        return probeUntilNanos;
    }

    int probeLayer() {
        return probeLayer;
    }

    void probe(int layer, long untilNanos) {
        probeLayer = layer;
        probeUntilNanos = untilNanos;
    }

    long lastUpSwitchNanos() {
        return lastUpSwitchNanos;
    }

    void upSwitched(long nowNanos) {
        lastUpSwitchNanos = nowNanos;
    }
}
