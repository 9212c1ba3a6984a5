package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.codec.Vp8Payload;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.sfu.forward.StreamKind;
import org.metrohub.media.sfu.forward.StreamRewriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-receiver cost of {@link StreamRewriter#rewrite} on Chrome-like 1,200-byte VP8 packets (15-bit PictureID):
 * SSRC, sequence number, timestamp and PictureID rewritten in place, the VP8 descriptor checked, the
 * outgoing-to-incoming sequence map updated. Each operation first writes the incoming packet's sequence
 * number, timestamp, SSRC and PictureID back (the rewrite changed them): four small writes inside the time.
 * {@link #steady}: one layer, three packets per frame. {@link #switching}: the target alternates between two
 * layers every 64 packets and each layer sends a keyframe every 32, so a switch (a new epoch) happens every 64;
 * packets alternate between the layers, so half of them take the drop path (not selected).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StreamRewriterBenchmark {
    private static final int PAYLOAD_HEADER = 32; // after the RTP header, extensions and the 4-byte descriptor
    private static final byte[] KEYFRAME_HEADER = {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x02,
        0x68, 0x01};

    private final byte[] delta = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
    private final byte[] keyframe = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
    private final RtpPacket rtp = new RtpPacket();
    private final Vp8Payload vp8 = new Vp8Payload();
    private StreamRewriter steadyRewriter;
    private StreamRewriter switchingRewriter;
    private final int[] seq = {1000, 40_000};
    private final long[] timestamp = {90_000, 0xFFFF_0000L};
    private final int[] pictureId = {300, 32_000};
    private long packets;
    private long now;

    @Setup
    public void setUp() {
        delta[PAYLOAD_HEADER] = 0x31; // P=1: an inter frame
        System.arraycopy(KEYFRAME_HEADER, 0, keyframe, PAYLOAD_HEADER, KEYFRAME_HEADER.length);
        steadyRewriter = new StreamRewriter(StreamKind.VP8, 0x600D_F00D, 90_000, 17, 12_345);
        switchingRewriter = new StreamRewriter(StreamKind.VP8, 0x600D_F00D, 90_000, 17, 12_345);
        // Both start with a keyframe so the steady state is measured.
        next(steadyRewriter, 0, true);
        next(switchingRewriter, 0, true);
    }

    @Benchmark
    public boolean steady() {
        return next(steadyRewriter, 0, false);
    }

    @Benchmark
    public boolean switching() {
        long n = packets;
        if ((n & 63) == 0) {
            switchingRewriter.setTargetLayer((int) (n >>> 6) & 1);
        }
        int layer = (int) n & 1;
        return next(switchingRewriter, layer, (n & 31) < 2);
    }

    /** The next incoming packet of {@code layer}, three per frame, rewritten. */
    private boolean next(StreamRewriter rewriter, int layer, boolean key) {
        byte[] b = key ? keyframe : delta;
        RtpPacket p = rtp.wrap(b, 0, b.length);
        p.setSequenceNumber(seq[layer]);
        seq[layer] = (seq[layer] + 1) & 0xFFFF;
        boolean newFrame = packets++ % 3 == 0;
        if (newFrame) {
            timestamp[layer] = (timestamp[layer] + 3000) & 0xFFFF_FFFFL;
            pictureId[layer] = (pictureId[layer] + 1) & 0x7FFF;
            now += 11_111_111;
        }
        p.setTimestamp(timestamp[layer]);
        p.setSsrc(0x1000 + layer);
        vp8.wrap(b, PAYLOAD_HEADER - 4, b.length - PAYLOAD_HEADER + 4).setPictureId(pictureId[layer]);
        return rewriter.rewrite(p, layer, key, now);
    }
}
