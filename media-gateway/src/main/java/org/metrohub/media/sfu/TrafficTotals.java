package org.metrohub.media.sfu;

import java.util.Arrays;
import java.util.Objects;

/**
 * Monotonic traffic counters of an endpoint, a conference or a whole node, for metrics: RTP packets and bytes
 * received and forwarded, keyframe requests sent to senders, and dropped packets by {@link Drop}. Taken on the
 * control plane (a scrape), from counters the media path keeps anyway: reading them costs the media path nothing.
 */
public final class TrafficTotals {

    /** Nothing counted yet. */
    public static final TrafficTotals ZERO = new TrafficTotals(0, 0, 0, 0, 0, new long[Drop.values().length]);

    private final long packetsReceived;
    private final long bytesReceived;
    private final long packetsSent;
    private final long bytesSent;
    private final long keyframeRequests;
    private final long[] drops;

    TrafficTotals(long packetsReceived, long bytesReceived, long packetsSent, long bytesSent, long keyframeRequests,
                  long[] dropsByOrdinal) {
        if (dropsByOrdinal.length != Drop.values().length) {
            throw new IllegalArgumentException("one drop count per Drop reason expected");
        }
        this.packetsReceived = packetsReceived;
        this.bytesReceived = bytesReceived;
        this.packetsSent = packetsSent;
        this.bytesSent = bytesSent;
        this.keyframeRequests = keyframeRequests;
        this.drops = dropsByOrdinal.clone();
    }

    /** Decrypted, well-formed RTP packets received from senders. */
    public long packetsReceived() {
        return packetsReceived;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** RTP packets forwarded to receivers. */
    public long packetsSent() {
        return packetsSent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    /** PLI keyframe requests sent to senders. */
    public long keyframeRequests() {
        return keyframeRequests;
    }

    public long dropped(Drop reason) {
        return drops[reason.ordinal()];
    }

    /** Dropped packets over every reason. */
    public long droppedTotal() {
        long sum = 0;
        for (long d : drops) {
            sum += d;
        }
        return sum;
    }

    /** These counts and {@code other}'s added up. */
    public TrafficTotals plus(TrafficTotals other) {
        long[] sum = drops.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.drops[i];
        }
        return new TrafficTotals(packetsReceived + other.packetsReceived, bytesReceived + other.bytesReceived,
                packetsSent + other.packetsSent, bytesSent + other.bytesSent,
                keyframeRequests + other.keyframeRequests, sum);
    }

    /** These counts with the drops replaced by {@code dropsByOrdinal}. */
    TrafficTotals withDrops(long[] dropsByOrdinal) {
        return new TrafficTotals(packetsReceived, bytesReceived, packetsSent, bytesSent, keyframeRequests,
                dropsByOrdinal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficTotals t && packetsReceived == t.packetsReceived
                && bytesReceived == t.bytesReceived && packetsSent == t.packetsSent && bytesSent == t.bytesSent
                && keyframeRequests == t.keyframeRequests && Arrays.equals(drops, t.drops);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packetsReceived, bytesReceived, packetsSent, bytesSent, keyframeRequests,
                Arrays.hashCode(drops));
    }

    @Override
    public String toString() {
        return "TrafficTotals[in " + packetsReceived + " packets/" + bytesReceived + " B, out " + packetsSent
                + " packets/" + bytesSent + " B, " + keyframeRequests + " keyframe requests, drops "
                + EndpointStats.drops(drops) + "]";
    }
}
