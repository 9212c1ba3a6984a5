package org.metrohub.media.sfu.bwe;

import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RembPacket;
import org.metrohub.media.rtp.TransportCcFeedback;
import org.metrohub.media.sfu.bwe.internal.AimdRateControl;
import org.metrohub.media.sfu.bwe.internal.InterArrival;
import org.metrohub.media.sfu.bwe.internal.LossBasedControl;
import org.metrohub.media.sfu.bwe.internal.SentPacketHistory;
import org.metrohub.media.sfu.bwe.internal.TrendlineEstimator;

/**
 * Send-side bandwidth estimate of one receiver's downlink (node → browser), in the manner of Google Congestion
 * Control (draft-ietf-rmcat-gcc-02) fed by transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-
 * extensions-01).
 *
 * <pre>
 *   onPacketSent(seq, t, size) ──► SentPacketHistory
 *   onTransportFeedback(TWCC) ──► match seq → (send time, arrival time, size), sorted by arrival
 *        ├─► InterArrival (5 ms send groups) ──► TrendlineEstimator (slope, adaptive threshold) ──► usage
 *        │                                                      AimdRateControl(usage, received rate) ──► A_d
 *        ├─► received rate (500 ms window on the receiver's clock)
 *        └─► lost / expected per ≥ 20 packets ──► LossBasedControl ──► A_l
 *   onRemb(REMB) ──► A_r (an upper bound the receiver asks for)
 *   estimate = clamp(min(A_d, A_l, A_r), min, max)
 * </pre>
 *
 * <p>{@link #onPacketSent} and {@link #onTransportFeedback} allocate nothing: the history and the per-feedback
 * scratch are arrays sized from {@link BweConfig#historySize()}. Feedback is trusted only as far as it
 * matches: malformed feedback changes nothing and is counted; reports of packets never sent (or forgotten) and
 * repeated reports of a received packet (duplicate or reordered feedback) are counted and skipped; a packet
 * first reported lost and later received counts as received. RTT is estimated from feedback as the time from
 * sending the newest acknowledged packet to its feedback arriving (an overestimate by the receiver's feedback
 * interval, which only slows the additive increase a little). Not thread-safe: the downlink's send thread owns
 * it, and feedback for the downlink arrives on that transport's thread.
 */
public final class BandwidthEstimator {
    private static final long TICK_NANOS = TransportCcFeedback.DELTA_TICK_MICROS * 1000L;
    private static final long REFERENCE_UNIT_NANOS = 64_000_000L;
    private static final long RECEIVED_RATE_WINDOW_NANOS = 500_000_000L;
    /** The received rate counts once it spans this much of the receiver's clock. */
    private static final long RECEIVED_RATE_MIN_SPAN_NANOS = 200_000_000L;
    private static final long INITIAL_RTT_NANOS = 200_000_000L;

    private final BweConfig config;
    private final SentPacketHistory history;
    private final TransportCcFeedback twcc = new TransportCcFeedback();
    private final RembPacket remb = new RembPacket();
    private final Collector collector = new Collector();
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private final AimdRateControl aimd;
    private final LossBasedControl lossControl;
    private final BitrateMeter receivedRate = new BitrateMeter(RECEIVED_RATE_WINDOW_NANOS, 10);

    // Packets newly reported received by the feedback being processed, sorted by arrival before use.
    private final long[] fbSend;
    private final long[] fbArrival;
    private final int[] fbSize;
    private int fbCount;

    private boolean haveReference;
    private int lastReference;
    private long unwrappedReference;

    private int lostSinceReport;
    private int expectedSinceReport;
    private double lossFraction;

    private long rttNanos = INITIAL_RTT_NANOS;
    private boolean rttMeasured;
    private long firstArrivalNanos = Long.MIN_VALUE;
    private long lastArrivalNanos = Long.MIN_VALUE;
    private long rembBps = Long.MAX_VALUE;
    private long estimateBps;

    private long packetsSent;
    private long feedbackPackets;
    private long malformedFeedback;
    private long unknownReports;
    private long duplicateReports;

    public BandwidthEstimator(BweConfig config) {
        this.config = config;
        this.history = new SentPacketHistory(config.historySize());
        this.aimd = new AimdRateControl(config.startBps(), config.minBps(), config.maxBps());
        this.lossControl = new LossBasedControl(config.startBps());
        this.fbSend = new long[config.historySize()];
        this.fbArrival = new long[config.historySize()];
        this.fbSize = new int[config.historySize()];
        this.estimateBps = config.startBps();
    }

    /**
     * Records a packet handed to the transport with transport-wide sequence number {@code transportSeq}
     * (16 bits), {@code size} bytes on the wire (RTP header and payload; SRTP tag if known), sent at
     * {@code sendTimeNanos} on our clock.
     */
    public void onPacketSent(int transportSeq, long sendTimeNanos, int size) {
        history.add(transportSeq & 0xFFFF, sendTimeNanos, size);
        packetsSent++;
    }

    /**
     * Processes one transport-wide CC feedback packet (an RTPFB FMT 15 inside a compound RTCP, at
     * {@code buffer[offset, offset + length)}) that arrived at {@code nowNanos}. Returns why it was refused,
     * or {@link ParseStatus#OK}; a refused packet changes nothing.
     */
    public ParseStatus onTransportFeedback(byte[] buffer, int offset, int length, long nowNanos) {
        ParseStatus status = twcc.wrap(buffer, offset, length);
        if (status != ParseStatus.OK) {
            malformedFeedback++;
            return status;
        }
        int reference = twcc.referenceTime();
        long unwrapped = haveReference
                ? unwrappedReference + ((reference - lastReference) << 8 >> 8) : reference;
        fbCount = 0;
        collector.arrivalNanos = unwrapped * REFERENCE_UNIT_NANOS;
        status = twcc.forEach(collector);
        if (status != ParseStatus.OK) {
            malformedFeedback++;
            return status;
        }
        haveReference = true;
        lastReference = reference;
        unwrappedReference = unwrapped;
        feedbackPackets++;
        if (fbCount > 0) {
            processReceived(nowNanos);
        }
        if (expectedSinceReport >= LossBasedControl.MIN_PACKETS) {
            lossFraction = (double) lostSinceReport / expectedSinceReport;
            lossControl.onLossReport(lossFraction, rttNanos, nowNanos);
            lostSinceReport = 0;
            expectedSinceReport = 0;
        }
        updateEstimate();
        return ParseStatus.OK;
    }

    /** Processes a REMB packet at {@code buffer[offset, offset + length)}: its bitrate caps the estimate. */
    public ParseStatus onRemb(byte[] buffer, int offset, int length, long nowNanos) {
        ParseStatus status = remb.wrap(buffer, offset, length);
        if (status != ParseStatus.OK) {
            return status;
        }
        onRembBitrate(remb.bitrate());
        return ParseStatus.OK;
    }

    /** The receiver's own estimate (REMB), in bits per second: an upper bound until the next one. */
    public void onRembBitrate(long bps) {
        rembBps = Math.max(config.minBps(), bps);
        updateEstimate();
    }

    private void processReceived(long nowNanos) {
        sortByArrival();
        long newestSend = Long.MIN_VALUE;
        for (int i = 0; i < fbCount; i++) {
            long send = fbSend[i];
            long arrival = fbArrival[i];
            if (interArrival.add(send, arrival, nowNanos)) {
                trendline.update(interArrival.arrivalDeltaNanos() / 1e6, interArrival.sendDeltaNanos() / 1e6,
                        arrival / 1e6);
            }
            receivedRate.record(fbSize[i], arrival);
            if (firstArrivalNanos == Long.MIN_VALUE) {
                firstArrivalNanos = arrival;
            }
            lastArrivalNanos = Math.max(lastArrivalNanos, arrival);
            newestSend = Math.max(newestSend, send);
        }
        long rttSample = nowNanos - newestSend;
        if (rttSample >= 0) {
            rttNanos = rttMeasured ? (7 * rttNanos + rttSample) / 8 : rttSample;
            rttMeasured = true;
        }
        double received = receivedRateBps();
        BandwidthUsage usage = trendline.usage();
        if (usage != BandwidthUsage.OVERUSING || aimd.timeToReduceFurther(nowNanos, received, rttNanos)) {
            aimd.update(usage, received, rttNanos, nowNanos);
        }
    }

    private void sortByArrival() {
        // Feedback lists packets by sequence number; arrival order differs only by network reordering, so
        // insertion sort is linear in practice.
        for (int i = 1; i < fbCount; i++) {
            long a = fbArrival[i];
            long s = fbSend[i];
            int z = fbSize[i];
            int j = i - 1;
            while (j >= 0 && fbArrival[j] > a) {
                fbArrival[j + 1] = fbArrival[j];
                fbSend[j + 1] = fbSend[j];
                fbSize[j + 1] = fbSize[j];
                j--;
            }
            fbArrival[j + 1] = a;
            fbSend[j + 1] = s;
            fbSize[j + 1] = z;
        }
    }

    private void updateEstimate() {
        double target = Math.min(Math.min(aimd.bitrate(), lossControl.bitrate()), (double) rembBps);
        target = Math.max(config.minBps(), Math.min(config.maxBps(), target));
        lossControl.cap(target);
        lossControl.setFloor(config.minBps());
        estimateBps = (long) target;
    }

    /** The estimate to allocate to this receiver's streams, bits per second. */
    public long estimateBps() {
        return estimateBps;
    }

    /** The delay-based controller's estimate (before the loss and REMB bounds). */
    public long delayBasedEstimateBps() {
        return (long) aimd.bitrate();
    }

    /** The loss-based controller's estimate (capped by the previous final estimate). */
    public long lossBasedEstimateBps() {
        return (long) lossControl.bitrate();
    }

    /** The last REMB, or {@link Long#MAX_VALUE} if the receiver sent none. */
    public long rembBps() {
        return rembBps;
    }

    /**
     * The rate the receiver got, from the arrival times and sizes in feedback, over the last 500 ms of the
     * receiver's clock; 0 until feedback spans 200 ms.
     */
    public long receivedRateBps() {
        if (firstArrivalNanos == Long.MIN_VALUE || lastArrivalNanos - firstArrivalNanos < RECEIVED_RATE_MIN_SPAN_NANOS) {
            return 0;
        }
        return receivedRate.bitsPerSecond(lastArrivalNanos);
    }

    public BandwidthUsage usage() {
        return trendline.usage();
    }

    /** Loss fraction of the last loss report (≥ 20 packets), 0–1. */
    public double lossFraction() {
        return lossFraction;
    }

    public long rttNanos() {
        return rttNanos;
    }

    public long packetsSent() {
        return packetsSent;
    }

    /** Feedback packets accepted. */
    public long feedbackPackets() {
        return feedbackPackets;
    }

    /** Feedback packets refused as malformed (see {@link #onTransportFeedback}'s status). */
    public long malformedFeedback() {
        return malformedFeedback;
    }

    /** Packet reports for sequence numbers not in the send history. */
    public long unknownReports() {
        return unknownReports;
    }

    /** Reports of packets already reported received (duplicate or reordered feedback). */
    public long duplicateReports() {
        return duplicateReports;
    }

    /** The one visitor of this estimator: matches each report with the send history. */
    private final class Collector implements TransportCcFeedback.PacketVisitor {
        long arrivalNanos;

        @Override
        public void packet(int sequenceNumber, int symbol, int deltaTicks) {
            if (symbol != TransportCcFeedback.NOT_RECEIVED) {
                arrivalNanos += deltaTicks * TICK_NANOS;
            }
            int slot = history.slot(sequenceNumber);
            if (slot < 0) {
                unknownReports++;
                return;
            }
            byte state = history.state(slot);
            if (state == SentPacketHistory.RECEIVED) {
                if (symbol != TransportCcFeedback.NOT_RECEIVED) {
                    duplicateReports++;
                }
                return;
            }
            if (symbol == TransportCcFeedback.NOT_RECEIVED) {
                if (state == SentPacketHistory.UNREPORTED) {
                    history.setState(slot, SentPacketHistory.REPORTED_LOST);
                    lostSinceReport++;
                    expectedSinceReport++;
                }
                return;
            }
            if (state == SentPacketHistory.REPORTED_LOST) {
                lostSinceReport = Math.max(0, lostSinceReport - 1);
            } else {
                expectedSinceReport++;
            }
            history.setState(slot, SentPacketHistory.RECEIVED);
            fbSend[fbCount] = history.sendNanos(slot);
            fbArrival[fbCount] = arrivalNanos;
            fbSize[fbCount] = history.size(slot);
            fbCount++;
        }
    }
}
