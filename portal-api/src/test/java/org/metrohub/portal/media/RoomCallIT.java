package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.portal.testing.Browser;
import org.metrohub.portal.testing.CallPages;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.LoopbackNamespace;
import org.metrohub.portal.testing.TestHub;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole media path with real parts: a teacher creates a class in the portal, three headless Chromiums
 * (fake camera and microphone) sign in and join it through the room page, and each one's {@code getStats()} shows
 * the other two's video decoded and audio received through the in-process media node (ICE on the shared UDP
 * port, DTLS-SRTP, the SFU). Then one leaves and comes back, and everyone renegotiates to see them again. Runs
 * in the loopback-only network namespace the integration tests run in (docs: portal-api/README.md).
 */
class RoomCallIT {

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private final TestHub hub = TestHub.shared();

    @Test
    void threePeopleSeeAndHearEachOtherAndOneLeavesAndComesBack() {
        LoopbackNamespace.assumeInside("three browsers and the media node");
        List<Browser> people = browsers.launch("teacher", "student", "patient");
        Browser teacher = people.get(0);
        Browser student = people.get(1);
        Browser patient = people.get(2);

        CallPages.signIn(teacher, hub, "teacher@riverton");
        String roomId = createClass(teacher, "Algebra " + System.nanoTime());
        CallPages.signIn(student, hub, "student@riverton");
        CallPages.signIn(patient, hub, "patient@riverton");
        for (Browser b : people) {
            CallPages.joinCall(b, hub, roomId, CallPages.SMALL_VIDEO, true);
        }

        String teacherId = participantId(teacher);
        String studentId = participantId(student);
        String patientId = participantId(patient);
        assertThat(Set.of(teacherId, studentId, patientId)).hasSize(3);
        seesAndHears(teacher, studentId, patientId);
        seesAndHears(student, teacherId, patientId);
        seesAndHears(patient, teacherId, studentId);
        countsTheirMedia(roomId, teacherId, studentId, patientId);

        patient.driver().findElement(By.id("call-leave")).click();
        patient.await("the call has ended", () -> patient.script("return window.metrohubCall == null") == Boolean.TRUE);
        teacher.await("the patient's tile is gone", () -> tiles(teacher).equals(Set.of(studentId)));
        student.await("the patient's tile is gone", () -> tiles(student).equals(Set.of(teacherId)));

        CallPages.joinCall(patient, hub, roomId, CallPages.SMALL_VIDEO, true);
        seesAndHears(patient, teacherId, studentId);
        seesAndHears(teacher, studentId, patientId);
        seesAndHears(student, teacherId, patientId);
    }

    /** The node's metrics saw each participant's RTP come in and go out, and the node's totals grew with them. */
    private void countsTheirMedia(String roomId, String... participants) {
        String admin = hub.login("admin@riverton");
        String scrape = hub.client().get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        for (String participant : participants) {
            for (String direction : List.of("in", "out")) {
                String line = Arrays.stream(scrape.split("\n"))
                        .filter(l -> l.startsWith("metrohub_media_endpoint_packets_total{")
                                && l.contains("room=\"" + roomId + "\"") && l.contains("endpoint=\"" + participant + "\"")
                                && l.contains("direction=\"" + direction + "\""))
                        .findFirst().orElseThrow(() -> new AssertionError("no " + direction + " series for " + participant));
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .as("%s packets %s", participant, direction).isPositive();
            }
        }
        assertThat(Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith("metrohub_media_packets_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).min().orElse(0))
                .isPositive();
    }

    /**
     * Waits until {@code b} decodes video from each of {@code others} and receives their audio, and the frame
     * counts keep growing (media flows now, not only once).
     */
    private static void seesAndHears(Browser b, String... others) {
        Map<String, Long> first = b.await("video decoded and audio received from " + String.join(", ", others),
                () -> flowing(b), flowing -> flowing.keySet().containsAll(Set.of(others)));
        b.await("frames from " + String.join(", ", others) + " keep coming", () -> {
            Map<String, Long> now = flowing(b);
            for (String other : others) {
                if (now.getOrDefault(other, 0L) <= first.get(other)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** participantId → video frames decoded, for the remote participants whose video and audio both arrive. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> flowing(Browser b) {
        Map<String, Object> stats = CallPages.stats(b);
        List<Map<String, Object>> remote = (List<Map<String, Object>>) stats.getOrDefault("remote", List.of());
        Map<String, Long> frames = remote.stream()
                .filter(r -> "video".equals(r.get("kind")) && CallPages.number(r.get("framesDecoded")) > 0)
                .collect(Collectors.toMap(r -> (String) r.get("participantId"), r -> CallPages.number(r.get("framesDecoded")),
                        Math::max));
        Set<String> hearing = remote.stream()
                .filter(r -> "audio".equals(r.get("kind")) && CallPages.number(r.get("packetsReceived")) > 0)
                .map(r -> (String) r.get("participantId"))
                .collect(Collectors.toSet());
        frames.keySet().retainAll(hearing);
        return frames;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> tiles(Browser b) {
        return Set.copyOf((List<String>) b.script("""
                return [...document.querySelectorAll('#call-tiles .call-tile')].map(t => t.dataset.participantId);
                """));
    }

    private static String participantId(Browser b) {
        return b.await("this participant's id", () -> (String) b.script(
                "return window.metrohubCall?.participantId ?? null"), id -> id != null);
    }

    private static String createClass(Browser b, String name) {
        WebDriver d = b.driver();
        d.get(d.getCurrentUrl().replace("#/home", "#/rooms/new"));
        b.await("the room form", () -> !d.findElements(By.id("room-form")).isEmpty());
        d.findElement(By.id("room-name")).sendKeys(name);
        new Select(d.findElement(By.id("room-kind"))).selectByValue("CLASS");
        d.findElement(By.id("create-room")).click();
        b.await("the room page", () -> name.equals(d.findElement(By.id("room-title")).getText()));
        String url = d.getCurrentUrl();
        return url.substring(url.lastIndexOf("#/rooms/") + "#/rooms/".length());
    }
}
