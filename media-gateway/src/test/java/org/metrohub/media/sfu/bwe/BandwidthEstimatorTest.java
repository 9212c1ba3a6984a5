package org.metrohub.media.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrohub.media.sfu.bwe.DownlinkSimulation.MS;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.testing.Hex;

class BandwidthEstimatorTest {
    private static final long SECOND = 1000 * MS;
    private static final long ONE_WAY = 40 * MS;

    private static DownlinkSimulation simulation(BandwidthEstimator bwe, long capacityBps, double loss) {
        LinkSimulator link = new LinkSimulator(capacityBps, ONE_WAY, 300 * MS, 7);
        link.setLossRate(loss);
        return new DownlinkSimulation(bwe, link, ONE_WAY, 50 * MS);
    }

    @Test
    void convergesUnderA500kBottleneckWithinAFewSeconds() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults()); // starts at 1 Mb/s
        DownlinkSimulation sim = simulation(bwe, 500_000, 0);

        sim.run(15 * SECOND);

        assertThat(sim.samplesBetween(3 * SECOND, 15 * SECOND)).as(sim.trace())
                .allSatisfy(s -> assertThat(s.estimateBps()).isBetween(300_000L, 600_000L));
        assertThat(bwe.receivedRateBps()).isBetween(400_000L, 520_000L);
        assertThat(bwe.packetsSent()).isGreaterThan(600); // crossed the transport-wide sequence number wrap
        assertThat(bwe.unknownReports()).isZero();
        assertThat(bwe.malformedFeedback()).isZero();
        assertThat(bwe.rttNanos()).isBetween(2 * ONE_WAY, 2 * ONE_WAY + 400 * MS);
    }

    @Test
    void detectsTheOveruseWithinTheFirstSecondAndCutsBelowTheStartValue() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        DownlinkSimulation sim = simulation(bwe, 500_000, 0);

        sim.run(1500 * MS);

        assertThat(bwe.estimateBps()).as(sim.trace()).isLessThan(500_000);
        // The cut is the delay-based controller's: queueing delay, not loss, gave the overuse away.
        assertThat(bwe.delayBasedEstimateBps()).isLessThan(600_000);
        assertThat(bwe.lossFraction()).isLessThan(0.10);
    }

    @Test
    void risesAbove1500kWhenTheBottleneckIsLiftedTo5M() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        DownlinkSimulation sim = simulation(bwe, 500_000, 0);
        sim.run(10 * SECOND);
        assertThat(bwe.estimateBps()).isLessThan(600_000);

        sim.link.setCapacity(5_000_000);
        sim.run(20 * SECOND);

        assertThat(bwe.estimateBps()).as(sim.trace()).isGreaterThan(1_500_000);
        assertThat(sim.samples()).allSatisfy(s -> assertThat(s.estimateBps()).isLessThanOrEqualTo(5_000_000L));
    }

    @Test
    void climbsOnACleanPathWithoutLoss() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        DownlinkSimulation sim = simulation(bwe, 20_000_000, 0);

        sim.run(10 * SECOND);

        assertThat(bwe.estimateBps()).as(sim.trace()).isGreaterThan(1_500_000);
        assertThat(bwe.lossFraction()).isZero();
        assertThat(bwe.usage()).isNotEqualTo(BandwidthUsage.OVERUSING);
    }

    @Test
    void decreasesUnderTwentyPercentRandomLoss() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        DownlinkSimulation sim = simulation(bwe, 20_000_000, 0.20);

        sim.run(5 * SECOND);

        assertThat(bwe.lossFraction()).isBetween(0.10, 0.32);
        assertThat(bwe.estimateBps()).as(sim.trace()).isLessThan(500_000);
        assertThat(bwe.lossBasedEstimateBps()).isEqualTo(bwe.estimateBps());
        assertThat(bwe.delayBasedEstimateBps()).isGreaterThan(bwe.estimateBps()); // the path itself is fast
    }

    @Test
    void neverLeavesTheConfiguredBounds() {
        BandwidthEstimator low = new BandwidthEstimator(BweConfig.defaults().withBounds(200_000, 300_000, 2_000_000));
        simulation(low, 20_000_000, 0.5).run(10 * SECOND);
        assertThat(low.estimateBps()).isEqualTo(200_000);

        BandwidthEstimator high = new BandwidthEstimator(BweConfig.defaults().withBounds(30_000, 1_000_000, 1_200_000));
        simulation(high, 20_000_000, 0).run(10 * SECOND);
        assertThat(high.estimateBps()).isEqualTo(1_200_000);
    }

    // --- feedback handling, with hand-sized feedback ---

    /** Sends {@code count} packets from {@code firstSeq}, one per ms from {@code t0}. */
    private static void send(BandwidthEstimator bwe, int firstSeq, int count, long t0) {
        for (int i = 0; i < count; i++) {
            bwe.onPacketSent((firstSeq + i) & 0xFFFF, t0 + i * MS, 1000);
        }
    }

    /** Feedback for {@code count} packets from {@code firstSeq}, arriving 1 ms apart from 30 ms after t0. */
    private static byte[] feedback(int firstSeq, int count, long t0, int... lostIndexes) {
        long[] arrivals = new long[count];
        for (int i = 0; i < count; i++) {
            arrivals[i] = (t0 + 30 * MS + i * MS) / 1000;
        }
        for (int lost : lostIndexes) {
            arrivals[lost] = Long.MIN_VALUE;
        }
        return TwccFeedbackWriter.write(firstSeq, arrivals, count, 0);
    }

    @Test
    void countsADuplicateFeedbackOnceAndSkipsItsRepeat() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        send(bwe, 100, 30, 0);
        byte[] fb = feedback(100, 30, 0, 3, 4, 5);

        assertThat(bwe.onTransportFeedback(fb, 0, fb.length, 100 * MS)).isEqualTo(ParseStatus.OK);
        double loss = bwe.lossFraction();
        long estimate = bwe.estimateBps();
        assertThat(bwe.onTransportFeedback(fb, 0, fb.length, 101 * MS)).isEqualTo(ParseStatus.OK);

        assertThat(loss).isEqualTo(3 / 30.0);
        assertThat(bwe.duplicateReports()).isEqualTo(27);
        assertThat(bwe.lossFraction()).isEqualTo(loss);
        assertThat(bwe.estimateBps()).isEqualTo(estimate);
        assertThat(bwe.feedbackPackets()).isEqualTo(2);
    }

    @Test
    void acceptsFeedbackThatArrivesOutOfOrder() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        send(bwe, 65_520, 40, 0); // across the wrap: 65520..65535, 0..23
        byte[] older = feedback(65_520, 20, 0);
        byte[] newer = feedback(65_540 & 0xFFFF, 20, 20 * MS);

        assertThat(bwe.onTransportFeedback(newer, 0, newer.length, 90 * MS)).isEqualTo(ParseStatus.OK);
        assertThat(bwe.onTransportFeedback(older, 0, older.length, 91 * MS)).isEqualTo(ParseStatus.OK);

        assertThat(bwe.duplicateReports()).isZero();
        assertThat(bwe.unknownReports()).isZero();
        assertThat(bwe.lossFraction()).isZero();
        assertThat(bwe.feedbackPackets()).isEqualTo(2);
    }

    @Test
    void aPacketReportedLostThenReceivedCountsAsReceived() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        send(bwe, 0, 20, 0);
        byte[] first = feedback(0, 10, 0, 9); // 9 not yet arrived
        byte[] second = feedback(9, 11, 9 * MS); // 9 arrived late, 10..19

        bwe.onTransportFeedback(first, 0, first.length, 50 * MS);
        bwe.onTransportFeedback(second, 0, second.length, 70 * MS);

        assertThat(bwe.lossFraction()).isZero(); // 20 packets, none lost in the end
        assertThat(bwe.duplicateReports()).isZero();
    }

    /** Feedback for 2 packets from 7: header and body per draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1. */
    static final byte[] TWO_PACKETS = Hex.bytes("""
            8f cd 00 05    # RTPFB: V=2 P=0 FMT=15 (transport-wide CC), PT=205, length 5 (24 bytes)
            11 22 33 44    # sender SSRC
            55 66 77 88    # media SSRC
            00 07          # base sequence number 7
            00 02          # packet status count 2
            00 00 01       # reference time 1 x 64 ms
            00             # feedback packet count 0
            20 02          # run-length chunk: symbol 01 (small delta), run 2
            78 04          # deltas: 120 x 250 us = 30 ms after the reference time, then 1 ms
            """);

    @Test
    void refusesMalformedFeedbackAndChangesNothing() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        send(bwe, 7, 2, 0);
        byte[] cut = Arrays.copyOf(TWO_PACKETS, 22); // a delta byte missing: the length field overruns
        byte[] reserved = TWO_PACKETS.clone();
        reserved[20] = 0x60; // run-length chunk of the reserved symbol 11
        byte[] remb = RembPacketBytes.REMB_300K;

        assertThat(bwe.onTransportFeedback(cut, 0, cut.length, 10 * MS)).isEqualTo(ParseStatus.LENGTH_OVERRUN);
        assertThat(bwe.onTransportFeedback(reserved, 0, reserved.length, 10 * MS)).isEqualTo(ParseStatus.BAD_FIELD);
        assertThat(bwe.onTransportFeedback(remb, 0, remb.length, 10 * MS)).isEqualTo(ParseStatus.WRONG_TYPE);

        assertThat(bwe.malformedFeedback()).isEqualTo(3);
        assertThat(bwe.feedbackPackets()).isZero();
        assertThat(bwe.estimateBps()).isEqualTo(1_000_000);
        // The packets are still unreported: the well-formed feedback counts them once.
        assertThat(bwe.onTransportFeedback(TWO_PACKETS, 0, TWO_PACKETS.length, 100 * MS)).isEqualTo(ParseStatus.OK);
        assertThat(bwe.duplicateReports()).isZero();
        assertThat(bwe.unknownReports()).isZero();
    }

    @Test
    void emptyAndUnmatchedFeedbackDivideByNothing() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        byte[] empty = Hex.bytes("""
                8f cd 00 04    # RTPFB FMT=15, length 4 (20 bytes)
                11 22 33 44    # sender SSRC
                55 66 77 88    # media SSRC
                00 00 00 00    # base sequence number 0, packet status count 0
                00 00 01 00    # reference time 1, feedback packet count 0
                """);

        assertThat(bwe.onTransportFeedback(empty, 0, empty.length, 10 * MS)).isEqualTo(ParseStatus.OK);
        assertThat(bwe.onTransportFeedback(TWO_PACKETS, 0, TWO_PACKETS.length, 20 * MS)).isEqualTo(ParseStatus.OK);

        assertThat(bwe.unknownReports()).isEqualTo(2); // nothing was sent
        assertThat(bwe.estimateBps()).isEqualTo(1_000_000);
        assertThat(bwe.lossFraction()).isZero();
        assertThat(bwe.receivedRateBps()).isZero();
        assertThat(bwe.usage()).isEqualTo(BandwidthUsage.NORMAL);
    }

    @Test
    void aRembCapsTheEstimateAndNeverBelowTheMinimum() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());

        byte[] remb = RembPacketBytes.REMB_300K;
        assertThat(bwe.onRemb(remb, 0, remb.length, 0)).isEqualTo(ParseStatus.OK);
        assertThat(bwe.rembBps()).isEqualTo(300_000);
        assertThat(bwe.estimateBps()).isEqualTo(300_000);

        bwe.onRembBitrate(1_000);
        assertThat(bwe.estimateBps()).isEqualTo(30_000);

        byte[] notRemb = TWO_PACKETS;
        assertThat(bwe.onRemb(notRemb, 0, notRemb.length, 0)).isEqualTo(ParseStatus.WRONG_TYPE);
    }

    @Test
    void aRembBoundsTheEstimateOnAFastPath() {
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        DownlinkSimulation sim = simulation(bwe, 20_000_000, 0);
        bwe.onRembBitrate(800_000);

        sim.run(5 * SECOND);

        assertThat(bwe.estimateBps()).isEqualTo(800_000);
        assertThat(bwe.delayBasedEstimateBps()).isGreaterThan(800_000);
    }

    @Test
    void allocatesNothingPerPacketOrFeedbackInSteadyState() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        BandwidthEstimator bwe = new BandwidthEstimator(BweConfig.defaults());
        byte[][] feedbacks = new byte[64][];
        for (int k = 0; k < feedbacks.length; k++) {
            feedbacks[k] = feedback(k * 50, 50, k * 50 * MS, k % 7);
        }
        runFeedbackRound(bwe, feedbacks, 0); // warm up: class loading, first-use paths
        runFeedbackRound(bwe, feedbacks, 1);

        // a per-packet allocation shows in every round; the JVM may put a few bytes on this thread once (a
        // compilation or profiling event on a loaded machine), so the quietest of three rounds must be 0
        long least = Long.MAX_VALUE;
        for (int round = 2; round < 5; round++) {
            threads.getThreadAllocatedBytes(thread);
            long before = threads.getThreadAllocatedBytes(thread);
            runFeedbackRound(bwe, feedbacks, round);
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }

        assertThat(least).isZero();
        assertThat(bwe.feedbackPackets()).isEqualTo(5 * 64);
    }

    private static void runFeedbackRound(BandwidthEstimator bwe, byte[][] feedbacks, int round) {
        // Each round resends the same sequence numbers 3.2 s later; feedback is the same bytes, so the
        // receiver's clock appears to repeat: the estimator treats that as reordering and carries on.
        long t0 = round * 3200 * MS;
        for (int k = 0; k < feedbacks.length; k++) {
            send(bwe, k * 50, 50, t0 + k * 50 * MS);
            bwe.onTransportFeedback(feedbacks[k], 0, feedbacks[k].length, t0 + k * 50 * MS + 100 * MS);
        }
    }
}
