package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.rtp.HeaderExtensions;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.sfu.feedback.PacketCache;
import org.metrohub.media.sfu.feedback.TransportCcRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-packet cost of the feedback stages on a Chrome-like 1,200-byte VP8 packet: {@link #cacheStore} is what each
 * packet sent to a receiver pays (a copy into the stream's {@link PacketCache}, 512 slots); {@link #twccRecord}
 * is what each packet received from a sender pays ({@link TransportCcRecorder#record} from the header extension,
 * 2 ms apart, one in fifty with a 50-packet feedback written, as at 100 ms intervals).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeedbackBenchmark {
    private static final long PACKET_INTERVAL_NANOS = 2_000_000L;

    private final byte[] packet = BenchPackets.vp8Packet(BenchPackets.RTP_SIZE);
    private final RtpPacket rtp = new RtpPacket().wrap(packet, 0, packet.length);
    private final int twccAt = HeaderExtensions.offset(rtp.findExtension(BenchPackets.TRANSPORT_CC_ID));
    private final PacketCache cache = new PacketCache();
    private final TransportCcRecorder recorder = new TransportCcRecorder(0x2a, 0x5a1b2c3d,
            BenchPackets.TRANSPORT_CC_ID, TransportCcRecorder.DEFAULT_WINDOW_CAPACITY,
            TransportCcRecorder.DEFAULT_MAX_FEEDBACK_LENGTH, TransportCcRecorder.DEFAULT_INTERVAL_NANOS);
    private final byte[] feedback = new byte[1500];
    private int seq;
    private long now;

    @Benchmark
    public boolean cacheStore() {
        rtp.setSequenceNumber(seq++ & 0xFFFF);
        now += PACKET_INTERVAL_NANOS;
        return cache.store(rtp, now);
    }

    @Benchmark
    public int twccRecord() {
        int s = seq++;
        packet[twccAt] = (byte) (s >>> 8);
        packet[twccAt + 1] = (byte) s;
        now += PACKET_INTERVAL_NANOS;
        recorder.record(rtp, now);
        return recorder.isDue(now) ? recorder.writeFeedback(now, feedback, 0) : 0;
    }
}
