package org.metrohub.portal.bbb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.elearning.bbb.ChecksumAlgorithm;
import org.metrohub.elearning.bbb.ChecksumVerifier;
import org.metrohub.portal.testing.Browser;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.TestHub;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A browser sent by an LMS to a BigBlueButton {@code join} URL, in headless Chromium: it follows the redirect to
 * the portal's {@code #/join/<ticket>} page, lands in the meeting's room as a guest without signing in, and joins it
 * with the role the LMS gave; the same ticket a second time is refused on the page.
 */
class BbbBrowserIT {

    private static final String SECRET = "bbb-browser-it-secret-0123456789abcdef";
    private static final ChecksumVerifier LMS = new ChecksumVerifier(SECRET, EnumSet.allOf(ChecksumAlgorithm.class));

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start(Map.of("metrohub.bbb.enabled", "true", "metrohub.bbb.secret", SECRET,
                "metrohub.bbb.tenant", "riverton"));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aModeratorFollowsTheJoinUrlIntoTheRoomAndTheTicketWorksOnlyOnce() {
        String meetingId = "browser-" + UUID.randomUUID();
        String name = "Chemistry " + meetingId.substring(8, 16);
        signed("create", "meetingID=" + enc(meetingId) + "&name=" + enc(name) + "&attendeePW=ap&moderatorPW=mp");
        String joinUrl = hub.baseUrl() + "/bigbluebutton/api/join?"
                + LMS.signedQuery("join", "meetingID=" + enc(meetingId) + "&fullName=" + enc("Mia Moderator")
                + "&password=mp&userID=lms-7");

        Browser browser = browsers.launch("lms-user");
        browser.open(joinUrl);
        browser.await("the room page shows the meeting", () -> text(browser, "room-title"), name::equals);
        String url = browser.driver().getCurrentUrl();
        assertThat(url).startsWith(hub.baseUrl() + "/#/rooms/").doesNotContain("join");
        assertThat(text(browser, "user-name")).isEqualTo("Mia Moderator");
        assertThat(browser.driver().findElement(By.id("main-nav")).isDisplayed()).as("navigation for a guest").isFalse();

        browser.driver().findElement(By.id("join-room")).click();
        browser.await("the join result", () -> text(browser, "join-role"), "Moderator"::equals);
        browser.await("the participant list shows the guest",
                () -> browser.driver().findElements(By.cssSelector("#participants li")).stream()
                        .map(WebElement::getText).anyMatch(t -> t.contains("Mia Moderator") && t.contains("Moderator")));
        String info = signed("getMeetingInfo", "meetingID=" + enc(meetingId));
        assertThat(info).contains("<fullName>Mia Moderator</fullName>").contains("<role>MODERATOR</role>");

        // the browser's history holds no ticket; the LMS's URL again gives a new one, the old one is spent
        String location = hub.client().get().uri(URI.create(joinUrl)).exchange().expectStatus().isFound()
                .expectBody().returnResult().getResponseHeaders().getLocation().toString();
        browser.open(hub.baseUrl() + location);
        browser.await("the new ticket opens the room again", () -> text(browser, "room-title"), name::equals);
        browser.open(hub.baseUrl() + location);
        browser.await("a spent ticket is refused", () -> text(browser, "join-status"),
                t -> t.contains("expired or was already used"));
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElements(By.id(id)).stream().findFirst().map(WebElement::getText).orElse("");
    }

    private static String signed(String call, String query) {
        return hub.client().get().uri(URI.create(hub.baseUrl() + "/bigbluebutton/api/" + call + "?"
                        + LMS.signedQuery(call, query)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
