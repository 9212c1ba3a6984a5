package org.metrohub.media.node;

/**
 * The load a node reports for placement.
 *
 * @param packetsPerSecond RTP/RTCP packets received plus sent per second over the last sampling interval
 * @param cpuLoad          the node process's CPU use in [0, 1] of the whole machine, -1 when unknown
 */
public record NodeLoad(String nodeId, int rooms, int endpoints, int streams, double packetsPerSecond,
                       double cpuLoad, boolean draining) {
}
