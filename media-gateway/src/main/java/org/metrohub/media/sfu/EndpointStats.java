package org.metrohub.media.sfu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one endpoint for the control API and metrics.
 *
 * @param srtpProfile      agreed SRTP profile, null before DTLS completed
 * @param receiverEstimate the node's bandwidth estimate towards the endpoint (b/s, from its transport-wide
 *                         feedback or REMB), -1 before any
 * @param bitrateIn        bits/s received from the endpoint over the last second
 * @param bitrateOut       bits/s sent to the endpoint over the last second
 * @param rttMillis        round-trip time towards the endpoint from its transport-wide feedback, -1 if unknown
 * @param drops            dropped packets by {@link Drop} name, only the non-zero ones
 * @param retransmissions  packets resent to the endpoint for its NACKs
 */
public record EndpointStats(String id, String displayName, ConnectionState state, String selectedPair,
                            String srtpProfile, long packetsReceived, long bytesReceived, long packetsSent,
                            long bytesSent, long keyframeRequestsSent, long receiverEstimate, long bitrateIn,
                            long bitrateOut, double rttMillis, long retransmissions, long ageSeconds,
                            Map<String, Long> drops, List<Track> tracks) {

    public EndpointStats {
        drops = Map.copyOf(drops);
        tracks = List.copyOf(tracks);
    }

    /**
     * A track the endpoint sends or receives; {@code layer} is the simulcast layer forwarded, -1 if none yet. For a
     * track it sends: {@code packetsLost} and {@code jitterMillis} as the node receives it (summed and worst over
     * its layers), {@code fractionLost} of the last report interval; -1 for tracks it receives.
     */
    public record Track(String mid, String kind, String direction, int layers, int layer, boolean muted,
                        long packetsLost, double fractionLost, double jitterMillis) {
    }

    static Map<String, Long> drops(long[] byOrdinal) {
        Map<String, Long> out = new LinkedHashMap<>();
        Drop[] all = Drop.values();
        for (int i = 0; i < byOrdinal.length; i++) {
            if (byOrdinal[i] > 0) {
                out.put(all[i].name(), byOrdinal[i]);
            }
        }
        return out;
    }
}
