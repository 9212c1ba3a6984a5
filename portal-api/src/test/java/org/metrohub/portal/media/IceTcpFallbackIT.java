package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.media.node.LocalMediaNode;
import org.metrohub.portal.testing.Browser;
import org.metrohub.portal.testing.CallPages;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.LoopbackNamespace;
import org.metrohub.portal.testing.LoopbackShaper;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;

/**
 * A network that blocks UDP: traffic control in the test's loopback-only namespace drops every datagram to the media
 * node's UDP port, so two Chromiums can only reach the node over ICE-TCP (RFC 6544, the node's passive TCP candidate,
 * RFC 4571 framing) and still see each other.
 */
class IceTcpFallbackIT {

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private final TestHub hub = TestHub.shared();

    @Test
    void withUdpBlockedTheCallRunsOverIceTcp() {
        LoopbackNamespace.assumeInside("browsers, the media node and traffic control");
        try (LoopbackShaper shaper = LoopbackShaper.onLoopback()) {
            shaper.block(hub.bean(LocalMediaNode.class).udpPort());
            String token = hub.login("official@riverton");
            Object roomId = Rooms.create(hub, token, "MEETING", "Over TCP " + System.nanoTime()).get("id");
            List<Browser> people = browsers.launch("official", "admin");
            CallPages.signIn(people.get(0), hub, "official@riverton");
            CallPages.joinCall(people.get(0), hub, roomId, CallPages.SMALL_VIDEO, false);
            CallPages.signIn(people.get(1), hub, "admin@riverton");
            CallPages.joinCall(people.get(1), hub, roomId, CallPages.SMALL_VIDEO, false);

            for (Browser b : people) {
                b.await("video decoded from the other over TCP", () -> {
                    Map<String, Object> stats = CallPages.stats(b);
                    return "tcp".equals(localProtocol(stats)) && videoFramesDecoded(stats) > 10;
                });
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String localProtocol(Map<String, Object> stats) {
        Map<String, Object> pair = (Map<String, Object>) stats.get("selectedPair");
        if (pair == null || pair.get("local") == null) {
            return null;
        }
        return (String) ((Map<String, Object>) pair.get("local")).get("protocol");
    }

    @SuppressWarnings("unchecked")
    private static long videoFramesDecoded(Map<String, Object> stats) {
        List<Map<String, Object>> remote = (List<Map<String, Object>>) stats.getOrDefault("remote", List.of());
        return remote.stream().filter(r -> "video".equals(r.get("kind")))
                .mapToLong(r -> r.get("framesDecoded") instanceof Number n ? n.longValue() : 0).max().orElse(0);
    }
}
