package org.metrohub.media.sfu.bwe.internal;

/**
 * Groups packets into send bursts and yields the delay variation between consecutive groups
 * (draft-ietf-rmcat-gcc-02 §5.2, with libwebrtc's burst rule): a group is the packets sent within 5 ms of its
 * first one, plus packets that arrive within 5 ms of the previous one with a negative propagation delta (a
 * burst the network delivered together), for at most 100 ms. When a packet starts a new group the previous
 * group is complete, and its deltas to the group before it are ready in {@link #sendDeltaNanos()} and
 * {@link #arrivalDeltaNanos()}. Packets sent before the current group's first one (reordered) are ignored.
 */
public final class InterArrival {
    static final long GROUP_LENGTH_NANOS = 5_000_000L;
    static final long BURST_DELTA_NANOS = 5_000_000L;
    static final long MAX_BURST_NANOS = 100_000_000L;
    /** An arrival clock jumping this much against our clock means the remote clock was reset. */
    static final long CLOCK_OFFSET_RESET_NANOS = 3_000_000_000L;
    static final int REORDERED_GROUPS_RESET = 3;

    private boolean currentEmpty = true;
    private long curFirstSend;
    private long curSend;
    private long curFirstArrival;
    private long curCompleteArrival;
    private long curLocalTime;

    private boolean prevValid;
    private long prevSend;
    private long prevCompleteArrival;
    private long prevLocalTime;

    private int reorderedGroups;
    private long sendDelta;
    private long arrivalDelta;

    /**
     * Adds one packet; true when it completed a group and the deltas are ready. {@code localNanos} is our
     * clock when its feedback arrived, to notice the remote clock jumping.
     */
    public boolean add(long sendNanos, long arrivalNanos, long localNanos) {
        boolean ready = false;
        if (currentEmpty) {
            startGroup(sendNanos, arrivalNanos);
            currentEmpty = false;
        } else if (sendNanos < curFirstSend) {
            return false; // reordered: sent before the group being built
        } else if (startsNewGroup(sendNanos, arrivalNanos)) {
            if (prevValid) {
                long sd = curSend - prevSend;
                long ad = curCompleteArrival - prevCompleteArrival;
                long localDelta = curLocalTime - prevLocalTime;
                if (ad - localDelta >= CLOCK_OFFSET_RESET_NANOS) {
                    reset();
                    return false;
                }
                if (ad < 0) {
                    if (++reorderedGroups >= REORDERED_GROUPS_RESET) {
                        reset();
                    }
                    return false;
                }
                reorderedGroups = 0;
                sendDelta = sd;
                arrivalDelta = ad;
                ready = true;
            }
            prevValid = true;
            prevSend = curSend;
            prevCompleteArrival = curCompleteArrival;
            prevLocalTime = curLocalTime;
            startGroup(sendNanos, arrivalNanos);
        } else {
            curSend = Math.max(curSend, sendNanos);
        }
        curCompleteArrival = arrivalNanos;
        curLocalTime = localNanos;
        return ready;
    }

    public long sendDeltaNanos() {
        return sendDelta;
    }

    public long arrivalDeltaNanos() {
        return arrivalDelta;
    }

    public void reset() {
        currentEmpty = true;
        prevValid = false;
        reorderedGroups = 0;
    }

    private void startGroup(long sendNanos, long arrivalNanos) {
        curFirstSend = sendNanos;
        curSend = sendNanos;
        curFirstArrival = arrivalNanos;
    }

    private boolean startsNewGroup(long sendNanos, long arrivalNanos) {
        return !belongsToBurst(sendNanos, arrivalNanos) && sendNanos - curFirstSend > GROUP_LENGTH_NANOS;
    }

    private boolean belongsToBurst(long sendNanos, long arrivalNanos) {
        long arrivalDeltaNow = arrivalNanos - curCompleteArrival;
        long sendDeltaNow = sendNanos - curSend;
        if (sendDeltaNow == 0) {
            return true;
        }
        long propagationDelta = arrivalDeltaNow - sendDeltaNow;
        return propagationDelta < 0 && arrivalDeltaNow <= BURST_DELTA_NANOS
                && arrivalNanos - curFirstArrival < MAX_BURST_NANOS;
    }
}
