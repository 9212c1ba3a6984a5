package org.metrohub.media.sfu.feedback;

import java.util.Arrays;
import org.metrohub.media.rtp.HeaderExtensions;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.rtp.SeqNum;
import org.metrohub.media.rtp.TransportCcWriter;

/**
 * Transport-wide congestion control feedback for one sender (draft-holmer-rmcat-transport-wide-cc-extensions-01):
 * records the transport-wide sequence number and arrival time of each RTP packet it sends us, and when the caller
 * finds it {@link #isDue}, writes feedback covering what arrived since the last one. Like libwebrtc's receiver:
 *
 * <ul>
 *   <li>a feedback starts at the first sequence number not yet reported (earlier losses included) and ends at the
 *       last packet received; its reference time is the first received packet's arrival in 64 ms units, and each
 *       receive delta counts 250 µs ticks from the previous received packet, so reordering shows as a negative
 *       (large) delta;</li>
 *   <li>a packet arriving after feedback reported it lost moves the start back to it, so the next feedback tells
 *       the sender it did arrive;</li>
 *   <li>when the packet would outgrow the length limit or its delta does not fit 16 bits (a pause over 8 s), the
 *       feedback ends before it and the next call writes another;</li>
 *   <li>the window holds the last {@code windowCapacity} sequence numbers: after a larger jump, older unreported
 *       packets are dropped and counted.</li>
 * </ul>
 * Runs on the sender's receive thread; nothing is allocated after construction.
 */
public final class TransportCcRecorder {
    public static final long DEFAULT_INTERVAL_NANOS = 100_000_000L;
    public static final int DEFAULT_WINDOW_CAPACITY = 4096;
    /** Fits one datagram with the SRTCP trailer. */
    public static final int DEFAULT_MAX_FEEDBACK_LENGTH = 1200;
    /** Header, five run-length chunks for the widest window's losses, a chunk and a delta for one packet. */
    public static final int MIN_FEEDBACK_LENGTH = 64;

    private static final long TICK_NANOS = 250_000L;
    private static final long REFERENCE_TIME_NANOS = 64_000_000L;
    private static final long TICKS_PER_REFERENCE = REFERENCE_TIME_NANOS / TICK_NANOS;
    /** Added to the first sequence number so no unwrapped one is ever negative. */
    private static final long UNWRAP_OFFSET = 1 << 16;

    private final int senderSsrc;
    private final int mediaSsrc;
    private final int extensionId;
    private final int maxFeedbackLength;
    private final long mask;
    /** Unwrapped sequence number held by each slot, -1 when none: a slot is received only if it matches. */
    private final long[] sequenceNumbers;
    private final long[] arrivals;
    private final TransportCcWriter writer;
    private long intervalNanos;

    private boolean started;
    /** First unwrapped sequence number the next feedback covers. */
    private long start;
    /** One past the highest unwrapped sequence number received. */
    private long end;
    private int feedbackCount;
    private boolean sentOnce;
    private long lastFeedbackNanos;

    private long recorded;
    private long duplicates;
    private long late;
    private long tooLate;
    private long overflowed;
    private long missingExtension;
    private long feedbacks;

    /**
     * Feedback from our RTCP SSRC {@code senderSsrc} about the sender's {@code mediaSsrc}, reading the
     * transport-wide sequence number from header extension {@code extensionId} (negotiated in SDP).
     * {@code windowCapacity} is a power of two, at most 32768; {@code maxFeedbackLength} at least {@link
     * #MIN_FEEDBACK_LENGTH}.
     */
    public TransportCcRecorder(int senderSsrc, int mediaSsrc, int extensionId, int windowCapacity,
            int maxFeedbackLength, long intervalNanos) {
        if (windowCapacity <= 0 || windowCapacity > 32768 || Integer.bitCount(windowCapacity) != 1) {
            throw new IllegalArgumentException("windowCapacity " + windowCapacity + " is not a power of two");
        }
        if (maxFeedbackLength < MIN_FEEDBACK_LENGTH) { // else a long leading loss could leave no room for a packet
            throw new IllegalArgumentException("maxFeedbackLength " + maxFeedbackLength + " < " + MIN_FEEDBACK_LENGTH);
        }
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.extensionId = extensionId;
        this.maxFeedbackLength = maxFeedbackLength;
        this.mask = windowCapacity - 1;
        this.sequenceNumbers = new long[windowCapacity];
        this.arrivals = new long[windowCapacity];
        Arrays.fill(sequenceNumbers, -1);
        this.writer = new TransportCcWriter(maxFeedbackLength);
        setIntervalNanos(intervalNanos);
    }

    /**
     * Records {@code packet} (a valid RTP packet) as arrived at {@code arrivalNanos}; returns false, and counts it,
     * when it carries no transport-wide sequence number.
     */
    public boolean record(RtpPacket packet, long arrivalNanos) {
        long ref = packet.findExtension(extensionId);
        if (ref < 0 || HeaderExtensions.length(ref) < 2) {
            missingExtension++;
            return false;
        }
        byte[] b = packet.buffer();
        int at = HeaderExtensions.offset(ref);
        record((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF), arrivalNanos);
        return true;
    }

    /** Records transport-wide sequence number {@code transportSequenceNumber} as arrived at {@code arrivalNanos}. */
    public void record(int transportSequenceNumber, long arrivalNanos) {
        recorded++;
        int seq = transportSequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            start = UNWRAP_OFFSET + seq;
            put(start, arrivalNanos);
            end = start + 1;
            return;
        }
        long highest = end - 1;
        long ext = highest + SeqNum.delta(seq, (int) (highest & 0xFFFF));
        if (ext >= end) {
            if (ext - start > mask) {
                long kept = ext - mask;
                for (long s = start, stop = Math.min(kept, end); s < stop; s++) {
                    if (received(s)) {
                        overflowed++;
                    }
                }
                start = kept;
            }
            put(ext, arrivalNanos);
            end = ext + 1;
        } else if (received(ext)) {
            duplicates++;
        } else if (ext >= start) {
            put(ext, arrivalNanos); // reordered, not reported yet
        } else if (end - ext <= mask + 1) {
            put(ext, arrivalNanos); // reported lost: report again from here
            start = ext;
            late++;
        } else {
            tooLate++;
        }
    }

    /** Whether feedback should be written now: packets wait and the interval passed since the last one. */
    public boolean isDue(long nowNanos) {
        return start < end && (!sentOnce || nowNanos - lastFeedbackNanos >= intervalNanos);
    }

    /**
     * Writes one feedback packet at {@code out[at]} covering the packets not yet reported (or as many as fit),
     * and returns its length; 0 when nothing waits, -1 when {@code out} lacks room (nothing is consumed). Call
     * again while it returns more than 0 to send everything at once.
     */
    public int writeFeedback(long nowNanos, byte[] out, int at) {
        if (start >= end) {
            return 0;
        }
        long first = start;
        while (!received(first)) { // ends: end - 1 is always received
            first++;
        }
        long reference = Math.floorDiv(arrival(first), REFERENCE_TIME_NANOS);
        writer.begin(senderSsrc, mediaSsrc, (int) (start & 0xFFFF), (int) reference, feedbackCount,
                maxFeedbackLength);
        long previousTicks = reference * TICKS_PER_REFERENCE;
        long next = start;
        for (long s = first; s < end; s++) {
            if (!received(s)) {
                continue;
            }
            long ticks = Math.floorDiv(arrival(s), TICK_NANOS);
            long delta = ticks - previousTicks;
            int clamped = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, delta));
            if (!writer.addReceived((int) (s & 0xFFFF), clamped)) {
                break; // the next feedback starts here
            }
            previousTicks = ticks;
            next = s + 1;
        }
        int length = writer.finish(out, at);
        if (length < 0) {
            return -1;
        }
        start = next;
        feedbackCount = (feedbackCount + 1) & 0xFF;
        sentOnce = true;
        lastFeedbackNanos = nowNanos;
        feedbacks++;
        return length;
    }

    /** Follows the sender's bitrate, as libwebrtc does between 50 and 250 ms. */
    public void setIntervalNanos(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("intervalNanos " + nanos + " <= 0");
        }
        this.intervalNanos = nanos;
    }

    private boolean received(long ext) {
        return sequenceNumbers[(int) (ext & mask)] == ext;
    }

    private long arrival(long ext) {
        return arrivals[(int) (ext & mask)];
    }

    private void put(long ext, long arrivalNanos) {
        int slot = (int) (ext & mask);
        sequenceNumbers[slot] = ext;
        arrivals[slot] = arrivalNanos;
    }

    /** Packets recorded, duplicates included. */
    public long recorded() {
        return recorded;
    }

    /** Packets recorded a second time, ignored. */
    public long duplicates() {
        return duplicates;
    }

    /** Packets that arrived after feedback reported them lost, reported again. */
    public long late() {
        return late;
    }

    /** Packets too far behind the window to report, ignored. */
    public long tooLate() {
        return tooLate;
    }

    /** Received packets pushed out of the window by a sequence jump before any feedback reported them. */
    public long overflowed() {
        return overflowed;
    }

    /** RTP packets without the transport-wide sequence number extension. */
    public long missingExtension() {
        return missingExtension;
    }

    /** Feedback packets written. */
    public long feedbacks() {
        return feedbacks;
    }
}
