package org.metrohub.media.sfu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.metrohub.media.codec.H264Payload;
import org.metrohub.media.codec.Vp8Payload;
import org.metrohub.media.codec.Vp9Payload;
import org.metrohub.media.sfu.bwe.SimulcastSource;
import org.metrohub.media.sfu.forward.StreamKind;

/**
 * One media track a participant sends to the node: the section {@code mid} of its offer, audio or video, with
 * one RTP stream per simulcast layer (rids in the order the sender lists them, lowest first) or a single
 * stream. The node forwards it to other endpoints under one SSRC of its own ({@link #outSsrc()}), the same for
 * every receiver, so a receiver never learns the sender's SSRCs and layer switches stay invisible to it.
 *
 * <p>Layer SSRCs are learned from the first packets (their mid and rid header extensions, RFC 8852), or come
 * from the offer's {@code a=ssrc} lines. The set of {@link Forwarding}s is replaced, never mutated, so the
 * sender's thread reads it without a lock.
 */
public final class Source {

    private static final Forwarding[] NONE = new Forwarding[0];

    private final Endpoint owner;
    private final String mid;
    private final String kind;
    private final boolean audio;
    private final int clockRate;
    private final Format format;
    private final String codecName;
    private final SimulcastSource meter;
    private final byte[][] rids;
    private final int[] layerSsrcs;
    private final boolean[] knownLayers;
    private final int outSsrc;
    private final int outRtxSsrc;
    private final String streamId;
    private final String trackId;
    private volatile Forwarding[] forwardings = NONE;
    private volatile boolean muted;
    private long lastKeyframeRequestNanos = Long.MIN_VALUE / 2;
    private final ReceiveStatistics[] layerStats;
    private final long[] layerPackets;
    private final long[] layerBytes;
    private final long[] layerLastNanos;

    /** The payload formats whose keyframes the router recognises. */
    enum Format { OPUS, VP8, VP9, H264, OTHER;

        static Format of(String codecName) {
            return switch (codecName.toUpperCase(java.util.Locale.ROOT)) {
                case "OPUS" -> OPUS;
                case "VP8" -> VP8;
                case "VP9" -> VP9;
                case "H264" -> H264;
                default -> OTHER;
            };
        }
    }

    Source(Endpoint owner, String mid, String kind, String codecName, int clockRate, List<String> rids,
           int[] signalledSsrcs, int outSsrc, int outRtxSsrc) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.mid = Objects.requireNonNull(mid, "mid");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.audio = kind.equals("audio");
        this.format = Format.of(codecName);
        this.codecName = codecName;
        this.meter = new SimulcastSource(owner.id() + "-" + mid, layerHeights(Math.max(1, rids.size())));
        this.clockRate = clockRate;
        int layers = Math.max(1, Math.max(rids.size(), signalledSsrcs.length));
        this.rids = new byte[rids.size()][];
        for (int i = 0; i < rids.size(); i++) {
            this.rids[i] = rids.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        this.layerSsrcs = new int[layers];
        this.knownLayers = new boolean[layers];
        for (int i = 0; i < signalledSsrcs.length; i++) {
            layerSsrcs[i] = signalledSsrcs[i];
            knownLayers[i] = true;
        }
        this.layerStats = new ReceiveStatistics[layers];
        for (int i = 0; i < layers; i++) {
            layerStats[i] = new ReceiveStatistics(clockRate);
        }
        this.layerPackets = new long[layers];
        this.layerBytes = new long[layers];
        this.layerLastNanos = new long[layers];
        this.outSsrc = outSsrc;
        this.outRtxSsrc = outRtxSsrc;
        this.streamId = owner.id();
        this.trackId = owner.id() + "-" + mid;
    }

    public Endpoint owner() {
        return owner;
    }

    public String mid() {
        return mid;
    }

    /** {@code "audio"} or {@code "video"}. */
    public String kind() {
        return kind;
    }

    /** Whether {@link #kind()} is audio (for the packet path, without comparing strings). */
    boolean audio() {
        return audio;
    }

    public int clockRate() {
        return clockRate;
    }

    /** The codec the sender sends with ({@code a=rtpmap} name). */
    String codecName() {
        return codecName;
    }

    /** Bitrate per layer, for choosing receivers' layers; fed on the sender's thread, read by the layer choice. */
    SimulcastSource meter() {
        return meter;
    }

    /** Nominal heights for layer choice: the top layer 720 lines, each lower one half of the next. */
    private static int[] layerHeights(int layers) {
        int[] heights = new int[layers];
        for (int i = 0; i < layers; i++) {
            heights[i] = 720 >> (layers - 1 - i);
        }
        return heights;
    }

    /** How receivers' rewriters treat this source's packets. */
    StreamKind streamKind() {
        return kind.equals("audio") ? StreamKind.AUDIO : format == Format.VP8 ? StreamKind.VP8 : StreamKind.VIDEO;
    }

    /** Whether an RTP payload of this source starts a keyframe (always false for audio). */
    boolean isKeyframe(byte[] buf, int payloadOffset, int payloadLength) {
        return switch (format) {
            case VP8 -> Vp8Payload.isKeyframe(buf, payloadOffset, payloadLength);
            case VP9 -> Vp9Payload.isKeyframe(buf, payloadOffset, payloadLength);
            case H264 -> H264Payload.isKeyframe(buf, payloadOffset, payloadLength);
            case OPUS, OTHER -> false;
        };
    }

    public int layerCount() {
        return layerSsrcs.length;
    }

    public boolean simulcast() {
        return rids.length > 1;
    }

    public int outSsrc() {
        return outSsrc;
    }

    public int outRtxSsrc() {
        return outRtxSsrc;
    }

    /** The msid stream id receivers see (the sender's endpoint id). */
    public String streamId() {
        return streamId;
    }

    /** The msid track id receivers see. */
    public String trackId() {
        return trackId;
    }

    public boolean muted() {
        return muted;
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    Forwarding[] forwardings() {
        return forwardings;
    }

    synchronized void addForwarding(Forwarding forwarding) {
        Forwarding[] now = forwardings;
        Forwarding[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = forwarding;
        forwardings = next;
    }

    synchronized void removeForwarding(Forwarding forwarding) {
        Forwarding[] now = forwardings;
        int at = -1;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == forwarding) {
                at = i;
            }
        }
        if (at < 0) {
            return;
        }
        Forwarding[] next = new Forwarding[now.length - 1];
        System.arraycopy(now, 0, next, 0, at);
        System.arraycopy(now, at + 1, next, at, now.length - at - 1);
        forwardings = next;
    }

    /** The layer index of a known SSRC, or -1. */
    int layerOf(int ssrc) {
        for (int i = 0; i < layerSsrcs.length; i++) {
            if (knownLayers[i] && layerSsrcs[i] == ssrc) {
                return i;
            }
        }
        return -1;
    }

    /** The layer whose rid equals {@code buf[off, off + len)}, or -1 (0 when the source has no rids). */
    int layerOfRid(byte[] buf, int off, int len) {
        if (rids.length == 0) {
            return 0;
        }
        for (int i = 0; i < rids.length; i++) {
            if (Arrays.equals(rids[i], 0, rids[i].length, buf, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    /** Binds an SSRC to a layer once it has been seen with that layer's rid (or as the only stream). */
    void learn(int layer, int ssrc) {
        layerSsrcs[layer] = ssrc;
        knownLayers[layer] = true;
    }

    void countPacket(int layer, long nowNanos, int bytes) {
        layerPackets[layer]++;
        layerBytes[layer] += bytes;
        meter.onPacket(layer, bytes, nowNanos);
        layerLastNanos[layer] = nowNanos;
    }

    /** The highest layer that sent within {@code windowNanos}, or -1 when none did. */
    int highestActiveLayer(long nowNanos, long windowNanos) {
        for (int i = layerSsrcs.length - 1; i >= 0; i--) {
            if (layerPackets[i] > 0 && nowNanos - layerLastNanos[i] <= windowNanos) {
                return i;
            }
        }
        return -1;
    }

    /** What the node receives on a layer's stream (for receiver reports and statistics). */
    ReceiveStatistics stats(int layer) {
        return layerStats[layer];
    }

    /** SSRC of a layer, or 0 when not learned yet. */
    int layerSsrc(int layer) {
        return knownLayers[layer] ? layerSsrcs[layer] : 0;
    }

    /**
     * Whether a keyframe request may go to the sender now: receivers' PLIs and new subscriptions are collapsed
     * to one request per {@code minIntervalNanos}.
     */
    synchronized boolean mayRequestKeyframe(long nowNanos, long minIntervalNanos) {
        if (nowNanos - lastKeyframeRequestNanos < minIntervalNanos) {
            return false;
        }
        lastKeyframeRequestNanos = nowNanos;
        return true;
    }

    @Override
    public String toString() {
        return owner.id() + "/" + mid + " (" + kind + (simulcast() ? ", " + rids.length + " layers" : "") + ")";
    }
}
