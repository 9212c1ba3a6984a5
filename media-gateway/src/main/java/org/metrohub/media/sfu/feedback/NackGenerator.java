package org.metrohub.media.sfu.feedback;

import java.util.Arrays;
import org.metrohub.media.rtp.NackPacket;
import org.metrohub.media.rtp.SeqNum;

/**
 * Asks a sender to repair what the path from it to us lost: for one incoming stream, notes the sequence numbers
 * skipped (RFC 3550 §A.1 arithmetic, wraparound included) and writes generic NACKs (RFC 4585 §6.2.1) for them.
 * A missing packet is first NACKed after a reorder tolerance (it may only be late), then again every retry
 * interval (about one round trip) until it arrives or the retry limit is reached. A gap too wide to NACK is
 * dropped and turned into a keyframe request. Feed it original sequence numbers (RTX already unwrapped, see
 * {@link RtxEncoder#originalSequenceNumber}). Runs on the stream's receive thread; nothing is allocated after
 * construction.
 */
public final class NackGenerator {
    public static final int DEFAULT_MAX_MISSING = 512;
    public static final int DEFAULT_MAX_RETRIES = 10;
    public static final long DEFAULT_REORDER_TOLERANCE_NANOS = 10_000_000L;
    public static final long DEFAULT_RETRY_INTERVAL_NANOS = 100_000_000L;

    private static final int UNWRAP_OFFSET = 1 << 16;
    private static final int NACK_HEADER = 12;
    private static final int FCI = 4;

    private final int senderSsrc;
    private final int mediaSsrc;
    private final int maxMissing;
    private final int maxRetries;
    private final long reorderToleranceNanos;
    private long retryIntervalNanos;

    /** Unwrapped sequence numbers still missing, ascending, with when each is next NACKed and how often it was. */
    private final int[] missing;
    private final long[] due;
    private final int[] retries;
    private final int[] lost;
    private int count;
    private long nextDue = Long.MAX_VALUE;

    private boolean started;
    private int highest;
    private boolean keyframeWanted;

    private long packets;
    private long detected;
    private long recovered;
    private long lateOrDuplicate;
    private long nacks;
    private long requested;
    private long givenUp;
    private long overflowed;
    private long gapsTooWide;

    /** NACKs from our RTCP SSRC {@code senderSsrc} for the sender's {@code mediaSsrc}. */
    public NackGenerator(int senderSsrc, int mediaSsrc, int maxMissing, int maxRetries,
            long reorderToleranceNanos, long retryIntervalNanos) {
        if (maxMissing <= 0 || maxMissing > 32767 || maxRetries <= 0 || reorderToleranceNanos < 0) {
            throw new IllegalArgumentException("maxMissing " + maxMissing + ", maxRetries " + maxRetries
                    + ", reorderToleranceNanos " + reorderToleranceNanos);
        }
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.maxMissing = maxMissing;
        this.maxRetries = maxRetries;
        this.reorderToleranceNanos = reorderToleranceNanos;
        this.missing = new int[maxMissing];
        this.due = new long[maxMissing];
        this.retries = new int[maxMissing];
        this.lost = new int[maxMissing];
        setRetryIntervalNanos(retryIntervalNanos);
    }

    /** Packet {@code sequenceNumber} of the stream arrived at {@code nowNanos}. */
    public void onPacket(int sequenceNumber, long nowNanos) {
        packets++;
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            highest = UNWRAP_OFFSET + seq;
            return;
        }
        int ext = highest + SeqNum.delta(seq, highest & 0xFFFF);
        if (ext > highest) {
            int gap = ext - highest - 1;
            if (gap > maxMissing) {
                gapsTooWide++;
                count = 0; // the decoder needs a keyframe anyway: stop asking for the old packets
                keyframeWanted = true;
            } else if (gap > 0) {
                int excess = count + gap - maxMissing;
                if (excess > 0) {
                    removeFirst(excess);
                    overflowed += excess;
                }
                long firstDue = nowNanos + reorderToleranceNanos;
                for (int s = highest + 1; s < ext; s++) {
                    missing[count] = s;
                    due[count] = firstDue;
                    retries[count] = 0;
                    count++;
                }
                nextDue = Math.min(nextDue, firstDue);
                detected += gap;
            }
            highest = ext;
            return;
        }
        int index = Arrays.binarySearch(missing, 0, count, ext);
        if (index < 0) {
            lateOrDuplicate++;
            return;
        }
        System.arraycopy(missing, index + 1, missing, index, count - index - 1);
        System.arraycopy(due, index + 1, due, index, count - index - 1);
        System.arraycopy(retries, index + 1, retries, index, count - index - 1);
        count--;
        recovered++;
    }

    /** Whether a NACK should be written now. */
    public boolean isDue(long nowNanos) {
        return count > 0 && nowNanos >= nextDue;
    }

    /**
     * Writes a NACK at {@code out[at]} for the missing packets now due, forgetting those asked for {@code
     * maxRetries} times already; returns its length, or 0 when none is due. Packets that do not fit in {@code out}
     * stay due.
     */
    public int writeNack(long nowNanos, byte[] out, int at) {
        int room = Math.max(0, (out.length - at - NACK_HEADER) / FCI); // one FCI per packet at worst
        int n = 0;
        int kept = 0;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            if (due[i] <= nowNanos && n < room) {
                if (retries[i] >= maxRetries) {
                    givenUp++;
                    continue;
                }
                lost[n++] = missing[i] & 0xFFFF;
                retries[i]++;
                due[i] = nowNanos + retryIntervalNanos;
            }
            missing[kept] = missing[i];
            due[kept] = due[i];
            retries[kept] = retries[i];
            earliest = Math.min(earliest, due[i]);
            kept++;
        }
        count = kept;
        nextDue = earliest;
        if (n == 0) {
            return 0;
        }
        nacks++;
        requested += n;
        return NackPacket.write(out, at, senderSsrc, mediaSsrc, lost, n);
    }

    /** Follows the round-trip time as RTCP measures it. */
    public void setRetryIntervalNanos(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("retryIntervalNanos " + nanos + " <= 0");
        }
        this.retryIntervalNanos = nanos;
    }

    /** Whether a gap too wide to repair asked for a keyframe since the last call; clears the request. */
    public boolean takeKeyframeRequest() {
        boolean wanted = keyframeWanted;
        keyframeWanted = false;
        return wanted;
    }

    /** Sequence numbers missing now. */
    public int missingCount() {
        return count;
    }

    private void removeFirst(int n) {
        System.arraycopy(missing, n, missing, 0, count - n);
        System.arraycopy(due, n, due, 0, count - n);
        System.arraycopy(retries, n, retries, 0, count - n);
        count -= n;
    }

    public long packets() {
        return packets;
    }

    /** Sequence numbers found missing. */
    public long detected() {
        return detected;
    }

    /** Missing packets that arrived after all: reordered or retransmitted. */
    public long recovered() {
        return recovered;
    }

    /** Packets older than the highest that were not missing: duplicates, or missing ones already given up. */
    public long lateOrDuplicate() {
        return lateOrDuplicate;
    }

    /** NACK packets written. */
    public long nacks() {
        return nacks;
    }

    /** Sequence numbers asked for, each retry counted. */
    public long requested() {
        return requested;
    }

    /** Missing packets no longer asked for after the retry limit. */
    public long givenUp() {
        return givenUp;
    }

    /** Missing packets forgotten to make room for newer ones. */
    public long overflowed() {
        return overflowed;
    }

    /** Gaps wider than the missing list, turned into keyframe requests. */
    public long gapsTooWide() {
        return gapsTooWide;
    }
}
