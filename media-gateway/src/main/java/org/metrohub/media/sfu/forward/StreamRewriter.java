package org.metrohub.media.sfu.forward;

import org.metrohub.media.codec.Vp8Payload;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.rtp.SeqNum;

/**
 * Turns one forwarded source (for video: its simulcast layers, each an incoming SSRC) into the one outgoing
 * stream a receiver knows, rewriting each packet in place: SSRC, sequence number, timestamp and, for {@link
 * StreamKind#VP8}, PictureID and TL0PICIDX. One per receiver per forwarded source; mutable, used by the thread
 * that owns the receiver's pipeline only.
 *
 * <p><b>Epochs.</b> Output is a run of epochs, each one incoming SSRC on one layer, started at a keyframe of it
 * ({@link StreamKind#AUDIO}: at any packet). Within an epoch every field maps by a fixed offset, so reordered
 * packets and the sender's losses keep their places. A new epoch continues where the output stands: its first
 * packet gets the next sequence number, a timestamp advanced from the newest one sent by the wall-clock time
 * since that timestamp went out (at the clock rate, at least 1), and (VP8) the next PictureID and TL0PICIDX.
 *
 * <p><b>Switching.</b> {@link #setTargetLayer} names the wanted layer; the current one keeps flowing until the
 * first packet of a keyframe of the target arrives ({@link #needsKeyframe()} tells the caller to ask the
 * sender for one). A packet with a new SSRC on the target layer (a restarted sender, or a last-N slot given
 * to another source) also starts an epoch: the caller routes only the selected source's packets here.
 *
 * <p><b>NACK.</b> {@link #incomingPacket(int)} translates an outgoing sequence number back to the incoming SSRC
 * and sequence number for the last {@link OutgoingSeqMap#CAPACITY} outgoing numbers, including numbers that
 * the sender lost (see {@link OutgoingSeqMap}). Retransmissions must be rewritten by the caller with the
 * same outgoing number; this class does not keep older epochs' timestamp or PictureID offsets.
 */
public final class StreamRewriter {
    /** Packets this far (or farther) behind the newest one of the epoch are dropped as {@link RewriteDrop#TOO_OLD}. */
    public static final int REORDER_WINDOW = OutgoingSeqMap.CAPACITY;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int TL0_MASK = 0xFF;

    private final StreamKind kind;
    private final int outgoingSsrc;
    private final int clockRate;
    private final RewriterStats stats = new RewriterStats();
    private final OutgoingSeqMap seqMap = new OutgoingSeqMap();
    private final Vp8Payload vp8 = new Vp8Payload();

    private int targetLayer;
    private int currentLayer = -1;
    private int currentSsrc;
    private boolean keyframeWanted;

    private boolean started;
    private int lastOutSeq;
    private long lastOutTimestamp;
    private long lastTimestampNanos;

    /** Incoming sequence numbers of the epoch, extended past 16 bits. */
    private long epochFirstIn;
    private long highestIn;
    private long seqOffset;
    private long timestampOffset;

    private boolean pictureIdSynced;
    private boolean sentPictureId;
    private int pictureIdOffset;
    private int lastOutPictureId;
    private boolean tl0Synced;
    private boolean sentTl0;
    private int tl0Offset;
    private int lastOutTl0;

    /**
     * @param kind what to rewrite besides the RTP header
     * @param outgoingSsrc the SSRC this node announced to the receiver for this source
     * @param clockRate the RTP clock rate of the payload (90000 for video, 48000 for Opus)
     * @param firstSequenceNumber the first outgoing sequence number (random, RFC 3550 §5.1)
     * @param firstTimestamp the first outgoing timestamp (random, RFC 3550 §5.1)
     */
    public StreamRewriter(StreamKind kind, int outgoingSsrc, int clockRate, int firstSequenceNumber,
            long firstTimestamp) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.kind = kind;
        this.outgoingSsrc = outgoingSsrc;
        this.clockRate = clockRate;
        this.lastOutSeq = (firstSequenceNumber - 1) & 0xFFFF;
        this.lastOutTimestamp = firstTimestamp & 0xFFFF_FFFFL;
    }

    /**
     * Rewrites {@code packet} in place for the receiver, or returns false to drop it (counted per {@link
     * RewriteDrop}). The packet must have passed {@link RtpPacket#check}.
     *
     * @param layerIndex the simulcast layer the packet belongs to (0 for audio or a single stream)
     * @param keyframe whether the packet is the first packet of a keyframe (see {@code org.metrohub.media.codec})
     * @param nowNanos monotonic time of forwarding, for timestamp continuity across switches
     */
    public boolean rewrite(RtpPacket packet, int layerIndex, boolean keyframe, long nowNanos) {
        int ssrc = packet.ssrc();
        int inSeq = packet.sequenceNumber();
        if (currentLayer < 0 || layerIndex != currentLayer || ssrc != currentSsrc) {
            if (targetLayer < 0 || layerIndex != targetLayer) {
                return drop(RewriteDrop.NOT_SELECTED);
            }
            if (!keyframe && kind != StreamKind.AUDIO) {
                keyframeWanted = true;
                return drop(RewriteDrop.AWAITING_KEYFRAME);
            }
            if (kind == StreamKind.VP8 && !wrapVp8(packet)) {
                keyframeWanted = true;
                return drop(RewriteDrop.MALFORMED_PAYLOAD);
            }
            startEpoch(layerIndex, ssrc, inSeq, packet.timestamp(), nowNanos);
        } else {
            long ext = extend(inSeq);
            if (ext < epochFirstIn || ext <= highestIn - REORDER_WINDOW) {
                return drop(RewriteDrop.TOO_OLD);
            }
            if (kind == StreamKind.VP8 && !wrapVp8(packet)) {
                return drop(RewriteDrop.MALFORMED_PAYLOAD);
            }
        }

        long ext = extend(inSeq);
        int outSeq = (int) (ext + seqOffset) & 0xFFFF;
        if (ext > highestIn) {
            for (long e = Math.max(highestIn + 1, ext - OutgoingSeqMap.CAPACITY + 1); e <= ext; e++) {
                seqMap.put((int) (e + seqOffset), ssrc, (int) e);
            }
            highestIn = ext;
            lastOutSeq = outSeq;
        }
        long outTimestamp = (packet.timestamp() + timestampOffset) & 0xFFFF_FFFFL;
        if ((int) (outTimestamp - lastOutTimestamp) > 0) {
            lastOutTimestamp = outTimestamp;
            lastTimestampNanos = nowNanos;
        }
        packet.setSsrc(outgoingSsrc);
        packet.setSequenceNumber(outSeq);
        packet.setTimestamp(outTimestamp);
        if (kind == StreamKind.VP8) {
            rewriteVp8();
        }
        started = true;
        stats.countForwarded();
        return true;
    }

    /**
     * The layer to forward from now on: the switch happens at its next keyframe. -1 pauses: everything is
     * dropped until a target is set again, and forwarding then resumes at a keyframe.
     */
    public void setTargetLayer(int layerIndex) {
        if (layerIndex < 0) {
            targetLayer = -1;
            currentLayer = -1;
            keyframeWanted = false;
        } else {
            targetLayer = layerIndex;
        }
    }

    /**
     * Whether the rewriter waits for a keyframe (a switch is pending, or packets of a new source on the target
     * layer were dropped): the caller should send the sender a PLI (rate-limited). Never for audio.
     */
    public boolean needsKeyframe() {
        return kind != StreamKind.AUDIO && targetLayer >= 0 && (targetLayer != currentLayer || keyframeWanted);
    }

    /**
     * The incoming packet behind outgoing sequence number {@code outgoingSeq}, as a reference to read with
     * {@link #incomingSsrc(long)} and {@link #incomingSeq(long)}, or -1 when it is not among the last {@link
     * OutgoingSeqMap#CAPACITY} numbers assigned.
     */
    public long incomingPacket(int outgoingSeq) {
        return seqMap.get(outgoingSeq);
    }

    public static int incomingSsrc(long ref) {
        return (int) (ref >>> 32);
    }

    public static int incomingSeq(long ref) {
        return (int) ref & 0xFFFF;
    }

    /**
     * The outgoing timestamp of {@code incomingTimestamp} on the stream being forwarded now (SSRC
     * {@code incomingSsrc}), for translating that stream's sender reports; -1 when that stream is not the one
     * forwarded (another layer, or none yet).
     */
    public long outgoingTimestamp(int incomingSsrc, long incomingTimestamp) {
        if (currentLayer < 0 || incomingSsrc != currentSsrc) {
            return -1;
        }
        return (incomingTimestamp + timestampOffset) & 0xFFFF_FFFFL;
    }

    public int targetLayer() {
        return targetLayer;
    }

    /** The layer being forwarded, or -1 before the first keyframe or while paused. */
    public int currentLayer() {
        return currentLayer;
    }

    public int outgoingSsrc() {
        return outgoingSsrc;
    }

    public StreamKind kind() {
        return kind;
    }

    public RewriterStats stats() {
        return stats;
    }

    private void startEpoch(int layerIndex, int ssrc, int inSeq, long inTimestamp, long nowNanos) {
        long firstOutTimestamp = started
                ? lastOutTimestamp + Math.max(1, ticks(nowNanos - lastTimestampNanos))
                : lastOutTimestamp;
        currentLayer = layerIndex;
        currentSsrc = ssrc;
        keyframeWanted = false;
        epochFirstIn = inSeq;
        highestIn = epochFirstIn - 1;
        seqOffset = ((lastOutSeq + 1) & 0xFFFF) - (long) inSeq;
        timestampOffset = firstOutTimestamp - inTimestamp;
        lastOutTimestamp = firstOutTimestamp & 0xFFFF_FFFFL;
        lastTimestampNanos = nowNanos;
        pictureIdSynced = false;
        tl0Synced = false;
        stats.countSwitch();
    }

    /** {@code inSeq} extended relative to the newest incoming number of the epoch. */
    private long extend(int inSeq) {
        return highestIn + SeqNum.delta(inSeq, (int) highestIn & 0xFFFF);
    }

    private long ticks(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return nanos / NANOS_PER_SECOND * clockRate + nanos % NANOS_PER_SECOND * clockRate / NANOS_PER_SECOND;
    }

    private boolean wrapVp8(RtpPacket packet) {
        byte[] b = packet.buffer();
        int at = packet.payloadOffset();
        int len = packet.payloadLength();
        if (Vp8Payload.check(b, at, len) != ParseStatus.OK) {
            return false;
        }
        vp8.wrap(b, at, len);
        return true;
    }

    /** PictureID and TL0PICIDX of the packet {@link #wrapVp8} wrapped; an epoch syncs at its first of each. */
    private void rewriteVp8() {
        if (vp8.hasPictureId()) {
            int mask = vp8.pictureIdMask();
            int in = vp8.pictureId();
            if (!pictureIdSynced) {
                pictureIdOffset = sentPictureId ? lastOutPictureId + 1 - in : 0;
                pictureIdSynced = true;
            }
            int out = (in + pictureIdOffset) & mask;
            vp8.setPictureId(out);
            if (!sentPictureId || isNewer(out, lastOutPictureId, mask)) {
                lastOutPictureId = out;
                sentPictureId = true;
            }
        }
        if (vp8.hasTl0PicIdx()) {
            int in = vp8.tl0PicIdx();
            if (!tl0Synced) {
                tl0Offset = sentTl0 ? lastOutTl0 + 1 - in : 0;
                tl0Synced = true;
            }
            int out = (in + tl0Offset) & TL0_MASK;
            vp8.setTl0PicIdx(out);
            if (!sentTl0 || isNewer(out, lastOutTl0, TL0_MASK)) {
                lastOutTl0 = out;
                sentTl0 = true;
            }
        }
    }

    /** Whether {@code a} comes after {@code b} in a counter that wraps at {@code mask + 1}. */
    private static boolean isNewer(int a, int b, int mask) {
        int d = (a - b) & mask;
        return d != 0 && d <= mask >>> 1;
    }

    private boolean drop(RewriteDrop reason) {
        stats.countDrop(reason);
        return false;
    }
}
