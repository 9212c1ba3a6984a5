package org.metrohub.media.bot;

import java.util.List;

/**
 * A snapshot of a {@link BotParticipant}'s counters.
 *
 * @param keyframeRequestsReceived PLIs and FIR entries for the bot's video SSRCs
 * @param srtpFailures             received SRTP/SRTCP that failed authentication, replay or decryption
 * @param malformed                decrypted RTP or RTCP that did not parse
 * @param notMedia                 datagrams neither DTLS nor SRTP, or SRTP before keys
 * @param sendFailures             packets that could not be protected or sent
 * @param receiverEstimate         the last REMB bitrate the node sent, -1 if none
 */
public record BotStats(String name, long packetsSent, long bytesSent, long keyframesSent,
                       long keyframeRequestsReceived, long packetsReceived, long bytesReceived, long rtcpReceived,
                       long srtpFailures, long malformed, long notMedia, long sendFailures, long receiverEstimate,
                       List<StreamStats> streams) {

    public BotStats {
        streams = List.copyOf(streams);
    }

    /**
     * One received SSRC.
     *
     * @param participantId the sender, from the answer's {@code a=msid} ("" if no answer named the SSRC)
     * @param gaps          sequence numbers skipped (lost, or still to come late)
     * @param late          packets older than the newest one seen (reordered or duplicated)
     */
    public record StreamStats(long ssrc, String kind, String participantId, long packets, long bytes, long gaps,
                              long late, long keyframes) {
    }
}
