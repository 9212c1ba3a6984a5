package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.media.node.LocalMediaNode;
import org.metrohub.media.sfu.EndpointStats;
import org.metrohub.portal.testing.Browser;
import org.metrohub.portal.testing.CallPages;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.LoopbackNamespace;
import org.metrohub.portal.testing.LoopbackShaper;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;

/**
 * Simulcast under a real bottleneck: a teacher's Chromium sends three layers (960×540 camera: 240, 480 and 960
 * pixels wide); the student's Chromium receives them through the media node. Traffic control on the namespace's
 * loopback then limits the student's downlink to 250 kbit/s: the node's bandwidth estimate for the student (from
 * the student's transport-wide feedback) falls and the student is switched to the low layer. When the limit is
 * lifted, the node tries higher layers again and the student gets the full one back.
 */
class SimulcastBandwidthIT {

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private static final Duration SWITCH = Duration.ofSeconds(60);

    private final TestHub hub = TestHub.shared();

    @Test
    void aReceiverWithLittleBandwidthGetsTheLowLayerAndTheHighOneWhenTheLimitLifts() {
        LoopbackNamespace.assumeInside("browsers, the media node and traffic control");
        try (LoopbackShaper shaper = LoopbackShaper.onLoopback()) {
            String teacherToken = hub.login("teacher@riverton");
            Object roomId = Rooms.create(hub, teacherToken, "CLASS", "Simulcast " + System.nanoTime()).get("id");
            List<Browser> people = browsers.launch("teacher", "student");
            Browser teacher = people.get(0);
            Browser student = people.get(1);
            CallPages.signIn(teacher, hub, "teacher@riverton");
            CallPages.joinCall(teacher, hub, roomId, """
                    window.metrohubCallOptions = { video: { width: { exact: 960 }, height: { exact: 540 },
                                                            frameRate: { ideal: 15 } } };
                    """, true);
            CallPages.signIn(student, hub, "student@riverton");
            CallPages.joinCall(student, hub, roomId, "window.metrohubCallOptions = { video: false };", true);

            teacher.await("the camera is sent in three layers", () -> sendingLayers(teacher) >= 3);
            int full = receivedWidth(student, SWITCH, w -> w >= 900);
            assertThat(full).isEqualTo(960);

            int port = studentPort(student);
            shaper.limit(port, 250);
            int low = receivedWidth(student, SWITCH, w -> w > 0 && w <= 240);
            assertThat(low).isEqualTo(240);
            EndpointStats atStudent = studentOnTheNode(roomId);
            assertThat(atStudent.receiverEstimate()).as("the node's estimate towards the student").isBetween(1L, 400_000L);
            assertThat(atStudent.retransmissions()).as("packets the bottleneck lost, resent for the student's NACKs")
                    .isPositive();

            shaper.lift(port);
            assertThat(receivedWidth(student, SWITCH, w -> w >= 900)).isEqualTo(960);
        }
    }

    private EndpointStats studentOnTheNode(Object roomId) {
        return hub.bean(LocalMediaNode.class).endpoints(roomId.toString()).stream()
                .filter(e -> e.displayName().toLowerCase().contains("student"))
                .findFirst().orElseThrow(() -> new AssertionError("the student is not on the media node"));
    }

    @SuppressWarnings("unchecked")
    private static long sendingLayers(Browser b) {
        List<Map<String, Object>> outbound = (List<Map<String, Object>>) CallPages.stats(b)
                .getOrDefault("outbound", List.of());
        return outbound.stream()
                .filter(o -> "video".equals(o.get("kind")) && CallPages.number(o.get("frameWidth")) > 0).count();
    }

    /** Polls the width of the video the student decodes until {@code wanted} holds for it. */
    @SuppressWarnings("unchecked")
    private static int receivedWidth(Browser b, Duration within, java.util.function.IntPredicate wanted) {
        return Awaitility.await(b.name() + ": the received video's width").atMost(within)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<Map<String, Object>> remote = (List<Map<String, Object>>) CallPages.stats(b).getOrDefault("remote",
                            List.of());
                    return remote.stream().filter(r -> "video".equals(r.get("kind")))
                            .mapToInt(r -> (int) CallPages.number(r.get("frameWidth"))).max().orElse(0);
                }, wanted::test);
    }

    @SuppressWarnings("unchecked")
    private static int studentPort(Browser b) {
        Map<String, Object> pair = (Map<String, Object>) CallPages.stats(b).get("selectedPair");
        assertThat(pair).as("the student's selected candidate pair").isNotNull();
        Map<String, Object> local = (Map<String, Object>) pair.get("local");
        return (int) CallPages.number(local.get("port"));
    }

}
