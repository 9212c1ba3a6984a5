package org.metrohub.media.sfu.bwe;

/** The delay-based overuse detector's verdict on the path (draft-ietf-rmcat-gcc-02 §5.4). */
public enum BandwidthUsage {
    /** Queueing delay is steady: the rate controller may increase. */
    NORMAL,
    /** Queueing delay grows: the sender exceeds the bottleneck and must decrease. */
    OVERUSING,
    /** Queueing delay shrinks: queues are draining; hold the rate until they are empty. */
    UNDERUSING
}
