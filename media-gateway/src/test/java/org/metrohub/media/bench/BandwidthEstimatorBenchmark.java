package org.metrohub.media.bench;

import java.util.concurrent.TimeUnit;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.sfu.bwe.BandwidthEstimator;
import org.metrohub.media.sfu.bwe.BweConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-packet cost of the send-side bandwidth estimator: {@link #onPacketSent} records one sent packet;
 * {@link #feedbackInterval} is one feedback interval of a 64-packet flight: 64 {@code onPacketSent} (one per
 * ms) then the transport-wide CC feedback acknowledging them (reference time advancing 64 ms per interval,
 * so the estimator runs its whole delay-based and loss-based path every time). The feedback bytes are one
 * buffer patched in place per interval (base sequence number, reference time, count), as a receiver would
 * write them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BandwidthEstimatorBenchmark {
    private static final long MS = 1_000_000L;
    private static final int FLIGHT = 64;

    private final BandwidthEstimator sendOnly = new BandwidthEstimator(BweConfig.defaults());
    private final BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
    private final byte[] feedback = feedbackTemplate();
    private int seq;
    private long sendTime;
    private int interval;

    /** TWCC for 64 packets, all received: the first 30 ms after the reference time, then one per ms. */
    private static byte[] feedbackTemplate() {
        StringBuilder deltas = new StringBuilder("78 # 120 x 250 us = 30 ms after the reference time\n");
        for (int i = 1; i < FLIGHT; i++) {
            deltas.append("04 # 1 ms\n");
        }
        return BenchPackets.bytes("""
                af cd 00 15    # RTPFB: V=2 P=1 FMT=15, PT=205, length 21 (88 bytes)
                11 22 33 44    # sender SSRC
                55 66 77 88    # media SSRC
                00 00 00 40    # base sequence number (patched), packet status count 64
                00 00 00 00    # reference time (patched), feedback packet count (patched)
                20 40          # run-length chunk: small delta x 64
                """ + deltas + """
                00 02          # padding: 2 bytes
                """);
    }

    @Benchmark
    public long onPacketSent() {
        sendOnly.onPacketSent(seq++ & 0xFFFF, sendTime, 1200);
        sendTime += MS;
        return sendOnly.packetsSent();
    }

    @Benchmark
    public long feedbackInterval() {
        int base = interval * FLIGHT;
        long t0 = interval * FLIGHT * MS;
        for (int i = 0; i < FLIGHT; i++) {
            bwe.onPacketSent((base + i) & 0xFFFF, t0 + i * MS, 1200);
        }
        feedback[12] = (byte) (base >>> 8);
        feedback[13] = (byte) base;
        feedback[16] = (byte) (interval >>> 16);
        feedback[17] = (byte) (interval >>> 8);
        feedback[18] = (byte) interval;
        feedback[19] = (byte) interval;
        interval = (interval + 1) & 0x7FFFFF; // 24-bit signed reference time stays positive
        if (bwe.onTransportFeedback(feedback, 0, feedback.length, t0 + (FLIGHT + 60) * MS) != ParseStatus.OK) {
            throw new IllegalStateException("bad TWCC");
        }
        return bwe.estimateBps();
    }
}
