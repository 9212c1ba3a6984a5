package org.metrohub.media.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.metrohub.media.rtp.ParseStatus;

/**
 * Drives a {@link BandwidthEstimator} over a {@link LinkSimulator} in 1 ms steps of simulated time: a pacer
 * sends 1,200-byte packets at the current estimate (as an encoder following its target does), stamping
 * transport-wide sequence numbers from 65,000 so they wrap early; the receiver notes arrival times on its own
 * clock (offset from ours) and every {@code feedbackInterval} writes a real TWCC packet for every sequence
 * number since the last one, which reaches the estimator after the same propagation delay (the return path
 * has no bottleneck).
 */
final class DownlinkSimulation {
    static final int PACKET_SIZE = 1200;
    static final long MS = 1_000_000L;
    /** The receiver's clock reads ours plus this (arbitrary), to prove only differences are used. */
    static final long RECEIVER_CLOCK_OFFSET_NANOS = 123_456_789_000L;

    record Sample(long timeNanos, long estimateBps, long receivedBps) {
    }

    private record PendingFeedback(long dueNanos, byte[] packet) {
    }

    final BandwidthEstimator bwe;
    final LinkSimulator link;
    private final long propagationNanos;
    private final long feedbackIntervalNanos;
    private final ArrayDeque<PendingFeedback> returning = new ArrayDeque<>();
    private final List<Sample> samples = new ArrayList<>();
    private final long[] arrivals = new long[65536]; // by extended seq - firstUncovered
    private long now;
    private int nextSeq = 65_000;
    private int firstUncovered = 65_000;
    private int highestReceived = -1;
    private int feedbackCount;
    private double budgetBits;
    private long lastFeedbackNanos;

    DownlinkSimulation(BandwidthEstimator bwe, LinkSimulator link, long propagationNanos, long feedbackIntervalNanos) {
        this.bwe = bwe;
        this.link = link;
        this.propagationNanos = propagationNanos;
        this.feedbackIntervalNanos = feedbackIntervalNanos;
        java.util.Arrays.fill(arrivals, Long.MIN_VALUE);
    }

    /** Runs for {@code durationNanos} more simulated time, sampling the estimate every 100 ms. */
    void run(long durationNanos) {
        long end = now + durationNanos;
        while (now < end) {
            now += MS;
            pace();
            receive();
            if (now - lastFeedbackNanos >= feedbackIntervalNanos) {
                lastFeedbackNanos = now;
                byte[] fb = buildFeedback();
                if (fb != null) {
                    returning.add(new PendingFeedback(now + propagationNanos, fb));
                }
            }
            while (!returning.isEmpty() && returning.peek().dueNanos() <= now) {
                byte[] fb = returning.poll().packet();
                assertThat(bwe.onTransportFeedback(fb, 0, fb.length, now)).isEqualTo(ParseStatus.OK);
            }
            if (now % (100 * MS) == 0) {
                samples.add(new Sample(now, bwe.estimateBps(), bwe.receivedRateBps()));
            }
        }
    }

    private void pace() {
        budgetBits = Math.min(budgetBits + bwe.estimateBps() / 1000.0, 2.0 * PACKET_SIZE * 8);
        while (budgetBits >= PACKET_SIZE * 8) {
            budgetBits -= PACKET_SIZE * 8;
            int seq = nextSeq++;
            bwe.onPacketSent(seq & 0xFFFF, now, PACKET_SIZE);
            link.send(seq, PACKET_SIZE, now);
        }
    }

    private void receive() {
        LinkSimulator.Arrival a;
        while ((a = link.poll(now)) != null) {
            arrivals[a.seq() - firstUncovered] = (now + RECEIVER_CLOCK_OFFSET_NANOS) / 1000;
            highestReceived = Math.max(highestReceived, a.seq());
        }
    }

    private byte[] buildFeedback() {
        if (highestReceived < firstUncovered) {
            return null;
        }
        int count = highestReceived - firstUncovered + 1;
        byte[] packet = TwccFeedbackWriter.write(firstUncovered, arrivals, count, feedbackCount++);
        System.arraycopy(arrivals, count, arrivals, 0, arrivals.length - count);
        java.util.Arrays.fill(arrivals, arrivals.length - count, arrivals.length, Long.MIN_VALUE);
        firstUncovered = highestReceived + 1;
        return packet;
    }

    long now() {
        return now;
    }

    List<Sample> samples() {
        return samples;
    }

    /** Samples taken in [fromNanos, toNanos]. */
    List<Sample> samplesBetween(long fromNanos, long toNanos) {
        return samples.stream().filter(s -> s.timeNanos() >= fromNanos && s.timeNanos() <= toNanos).toList();
    }

    String trace() {
        StringBuilder sb = new StringBuilder();
        for (Sample s : samples) {
            sb.append(String.format("t=%5.1f s  estimate %7d  received %7d%n", s.timeNanos() / 1e9, s.estimateBps(),
                    s.receivedBps()));
        }
        return sb.toString();
    }
}
