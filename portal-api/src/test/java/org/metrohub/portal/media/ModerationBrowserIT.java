package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.portal.testing.Browser;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.LoopbackNamespace;
import org.metrohub.portal.testing.Rooms;
import org.metrohub.portal.testing.TestHub;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 4's test with real browsers: an official's meeting, a teacher and a student in it; the official clicks Mute
 * on the teacher's tile, the teacher's microphone goes off and they are told why, the student sees the teacher
 * muted and the node stops forwarding the teacher's audio (the student's audio packets from the teacher stop).
 * Then the student raises their hand, the official sees it in the queue and lowers it.
 */
class ModerationBrowserIT {

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private static final String SMALL_VIDEO = """
            window.metrohubCallOptions = { video: { width: { ideal: 320 }, height: { ideal: 180 },
                                                    frameRate: { ideal: 10 } } };
            """;

    private final TestHub hub = TestHub.shared();

    @Test
    void aModeratorMutesAParticipantAndTheOthersSeeIt() {
        LoopbackNamespace.assumeInside("browsers and the media node");
        String roomId = (String) Rooms.create(hub, hub.login("official@riverton"), "MEETING",
                "Council " + System.nanoTime()).get("id");
        List<Browser> people = browsers.launch("official", "teacher", "student");
        Browser official = people.get(0);
        Browser teacher = people.get(1);
        Browser student = people.get(2);
        signIn(official, "official@riverton");
        signIn(teacher, "teacher@riverton");
        signIn(student, "student@riverton");
        for (Browser b : people) {
            joinCall(b, roomId);
        }
        String teacherId = participantId(teacher);
        official.await("moderator controls", () -> official.driver().findElement(By.id("call-moderation")).isDisplayed());
        assertThat(teacher.driver().findElement(By.id("call-moderation")).isDisplayed()).isFalse();
        student.await("the teacher's audio arriving", () -> audioPackets(student, teacherId) > 20);

        official.await("the teacher's tile with Mute", () -> !official.driver().findElements(
                By.cssSelector(".call-tile[data-participant-id='" + teacherId + "'] .call-mod-mute")).isEmpty());
        official.driver().findElement(
                By.cssSelector(".call-tile[data-participant-id='" + teacherId + "'] .call-mod-mute")).click();

        teacher.await("the teacher's microphone off", () -> teacher.script("return window.metrohubCall.audioMuted")
                == Boolean.TRUE);
        teacher.await("the teacher told why", () -> !teacher.driver().findElements(
                By.cssSelector("#call-message [data-notice='force-muted']")).isEmpty());
        student.await("the student sees the teacher muted", () -> "true".equals(student.driver().findElement(
                By.cssSelector(".call-tile[data-participant-id='" + teacherId + "']")).getDomAttribute("data-audio-muted")));
        // the browser's disabled track still sends (silence): the node forwards none of it, the official's flows
        String officialId = participantId(official);
        long[] last = {-1, -1};
        student.await("the teacher's audio no longer forwarded while the official's is", () -> {
            long fromTeacher = audioPackets(student, teacherId);
            long fromOfficial = audioPackets(student, officialId);
            boolean stopped = fromTeacher == last[0] && fromOfficial > last[1] && last[1] >= 0;
            last[0] = fromTeacher;
            last[1] = fromOfficial;
            return stopped;
        });
        String admin = hub.login("admin@riverton");
        String scrape = hub.client().get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        double dropped = java.util.Arrays.stream(scrape.split("\n"))
                .filter(l -> l.startsWith("metrohub_media_dropped_total{") && l.contains("reason=\"moderator_muted\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(dropped).as("packets of the muted teacher dropped at the node").isPositive();

        // raised hands: the student raises, the official sees them in #call-hands and lowers the hand
        String studentId = participantId(student);
        WebDriver sd = student.driver();
        WebDriver od = official.driver();
        sd.findElement(By.id("call-raise-hand")).click();
        student.await("the student's hand up", () -> "true".equals(
                sd.findElement(By.id("call-raise-hand")).getDomAttribute("aria-pressed")));
        String handEntry = "#call-hands li[data-participant-id='" + studentId + "'] .call-hands-lower";
        official.await("the student's hand in the official's queue", () -> !od.findElements(By.cssSelector(handEntry))
                .isEmpty() && od.findElement(By.cssSelector(handEntry)).isDisplayed());
        assertThat(sd.findElement(By.id("call-hands")).isDisplayed()).as("the queue is for moderators").isFalse();
        od.findElement(By.cssSelector(handEntry)).click();
        student.await("the student's hand lowered by the official", () -> "false".equals(
                sd.findElement(By.id("call-raise-hand")).getDomAttribute("aria-pressed")));
        official.await("the official's queue empty", () -> od.findElements(By.cssSelector("#call-hands li")).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static long audioPackets(Browser b, String from) {
        Map<String, Object> stats = (Map<String, Object>) b.runAsync("""
                const call = window.metrohubCall;
                return call ? await call.stats() : { remote: [] };
                """);
        List<Map<String, Object>> remote = (List<Map<String, Object>>) stats.getOrDefault("remote", List.of());
        return remote.stream().filter(r -> "audio".equals(r.get("kind")) && from.equals(r.get("participantId")))
                .mapToLong(r -> r.get("packetsReceived") instanceof Number n ? n.longValue() : 0).max().orElse(0);
    }

    private static String participantId(Browser b) {
        return b.await("this participant's id", () -> (String) b.script(
                "return window.metrohubCall?.participantId ?? null"), id -> id != null);
    }

    private void signIn(Browser b, String username) {
        WebDriver d = b.driver();
        b.open(hub.baseUrl() + "/");
        b.await("the sign-in form", () -> !d.findElements(By.id("login-form")).isEmpty());
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys("demo");
        d.findElement(By.id("login")).click();
        b.await("signed in as " + username, () -> d.getCurrentUrl().endsWith("#/home"));
    }

    private void joinCall(Browser b, String roomId) {
        WebDriver d = b.driver();
        d.get(hub.baseUrl() + "/#/rooms/" + roomId);
        b.await("the room page", () -> !d.findElements(By.id("join-room")).isEmpty()
                && d.findElement(By.id("join-room")).isEnabled());
        b.script(SMALL_VIDEO);
        d.findElement(By.id("join-room")).click();
        b.await("the call is connected", () -> !d.findElements(By.id("call-state")).isEmpty()
                && "connected".equals(d.findElement(By.id("call-state")).getDomAttribute("data-state")));
    }
}
