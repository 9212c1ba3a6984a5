package org.metrohub.portal.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrohub.portal.testing.ChromiumParticipants;
import org.metrohub.portal.testing.TestHub;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The web portal in Debian's headless Chromium against a real hub: sign in through the form, create a room,
 * see another user's changes arrive over the live stream without a reload, and never see another tenant's
 * rooms. One fresh browser per test from {@link ChromiumParticipants}: Debian's Chromium and chromedriver (the tests
 * skip, saying why, without them), and on a failure a screenshot, the page and the browser console under
 * {@code target/browser-failures/}.
 */
class PortalBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30); // a small machine, shared

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    private final TestHub hub = TestHub.shared();
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = browsers.launch("portal").driver();
    }

    @Test
    void anOfficialCreatesAMeetingAndSeesAnotherUsersRenameAndCloseLiveWithoutReloading() {
        signIn("official@riverton");
        assertThat(text("user-name")).isEqualTo("Riverton Official");
        assertThat(text("user-tenant")).isEqualTo("riverton");
        assertThat(text("user-role")).isEqualTo("OFFICIAL");

        String name = "Budget review " + unique();
        String roomId = createMeetingThroughTheForm(name);

        showRooms();
        By item = roomItem(roomId);
        await("the room list shows the new room", textToBe(roomName(roomId), name));
        assertThat(browser.findElement(item).getDomAttribute("data-status")).isEqualTo("OPEN");
        await("the live stream is connected", attributeToBe(By.id("live-status"), "data-status", "live"));
        markPage();

        String admin = hub.login("admin@riverton");
        String renamed = name + " (moved to Tuesday)";
        Map<?, ?> answer = api(admin, "PATCH", "/api/rooms/" + roomId, Map.of("name", renamed));
        assertThat(answer.get("name")).isEqualTo(renamed);

        await("the room list shows the new name", textToBe(roomName(roomId), renamed));
        By updated = By.cssSelector("#live-events li[data-event-type='room.updated'][data-room-id='" + roomId + "']");
        await("#live-events shows room.updated", visibilityOfElementLocated(updated));
        assertThat(browser.findElement(updated).findElement(By.className("ev-type")).getText()).isEqualTo("room.updated");
        assertThat(browser.findElement(updated).findElement(By.className("ev-room")).getText()).isEqualTo(renamed);

        api(admin, "POST", "/api/rooms/" + roomId + "/close", null);
        await("the room list shows the room closed", attributeToBe(item, "data-status", "CLOSED"));
        assertPageWasNotReloaded();
        assertNoScriptErrors();
    }

    @Test
    void aUserOfAnotherTenantDoesNotSeeTheRoom() {
        String river = "Flood plan " + unique();
        String riverId = createMeeting("official@riverton", river);
        String lake = "Harbour plan " + unique();
        String lakeId = createMeeting("official@lakeside", lake);

        signIn("official@lakeside");
        assertThat(text("user-tenant")).isEqualTo("lakeside");
        showRooms();
        await("lakeside's own room is listed", textToBe(roomName(lakeId), lake)); // the list has loaded
        assertThat(browser.findElements(roomItem(riverId))).as("riverton's room in lakeside's list").isEmpty();
        assertThat(browser.findElement(By.id("room-list")).getText()).doesNotContain(river);

        browser.get(hub.baseUrl() + "/#/rooms/" + riverId);
        await("the room page refuses", visibilityOfElementLocated(By.id("room-message")));
        assertThat(text("room-message")).startsWith("You are not allowed to do this.");
        assertThat(text("room-title")).isEqualTo("Room unavailable");
        assertThat(browser.findElement(By.id("room-details")).isDisplayed()).isFalse();
        assertNoScriptErrors();
    }

    @Test
    void aTeacherSeesTheClassesButNotTheCameraWallOnTheHomePage() {
        signIn("teacher@riverton");
        await("the classes section", visibilityOfElementLocated(By.id("section-classes")));
        assertThat(browser.findElement(By.id("section-classes")).getText()).contains("New class")
                .doesNotContain("Coming soon");
        assertThat(browser.findElement(By.id("home-my-courses")).getDomAttribute("href")).isEqualTo("#/courses");
        assertThat(browser.findElements(By.id("home-my-classes"))).as("My classes is a student's").isEmpty();
        assertThat(browser.findElements(By.id("section-meetings"))).hasSize(1);
        assertThat(browser.findElements(By.id("section-camera-wall"))).isEmpty();
        assertThat(browser.findElements(By.id("section-admin"))).isEmpty();
        assertNoScriptErrors();
    }

    private void signIn(String username) {
        browser.get(hub.baseUrl() + "/");
        await("the sign-in form", visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
        await("the header shows " + username, visibilityOfElementLocated(By.id("user-name")));
        await("the home page", d -> d.getCurrentUrl().endsWith("#/home"));
    }

    /** Through the UI: Rooms, New room, fill the form; returns the new room's id from the room page's address. */
    private String createMeetingThroughTheForm(String name) {
        showRooms();
        await("the New room button", elementToBeClickable(By.id("new-room"))).click();
        await("the room form", visibilityOfElementLocated(By.id("room-form")));
        assertThat(browser.getCurrentUrl()).contains("#/rooms/new");
        browser.findElement(By.id("create-room")).click(); // no name: the server's problem is shown
        await("#room-error explains the missing name", visibilityOfElementLocated(By.id("room-error")));
        assertThat(text("room-error")).contains("name");
        browser.findElement(By.id("room-name")).sendKeys(name);
        new Select(browser.findElement(By.id("room-kind"))).selectByValue("MEETING");
        browser.findElement(By.id("room-description")).sendKeys("Made by PortalBrowserIT.");
        browser.findElement(By.id("create-room")).click();
        await("the room page shows the new room", textToBe(By.id("room-title"), name));
        assertThat(browser.findElement(By.id("room-status")).getDomAttribute("data-status")).isEqualTo("OPEN");
        String url = browser.getCurrentUrl();
        return url.substring(url.lastIndexOf("#/rooms/") + "#/rooms/".length());
    }

    private void showRooms() {
        browser.findElement(By.cssSelector("#main-nav a[href='#/rooms']")).click();
        await("the room list", presenceOfElementLocated(By.id("room-list")));
    }

    private <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).withMessage(what).until(condition);
    }

    /** A mark on the window object survives everything except a reload. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true;");
    }

    private void assertPageWasNotReloaded() {
        Object mark = ((JavascriptExecutor) browser).executeScript("return window.__notReloaded === true;");
        assertThat(mark).as("the page was not reloaded").isEqualTo(Boolean.TRUE);
    }

    /** Refused API calls are logged as failed loads (the page shows them as messages); anything else is a bug. */
    private void assertNoScriptErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static By roomItem(String roomId) {
        return By.cssSelector(roomItemCss(roomId));
    }

    private static By roomName(String roomId) {
        return By.cssSelector(roomItemCss(roomId) + " .room-name");
    }

    private static String roomItemCss(String roomId) {
        return "#room-list li[data-room-id='" + roomId + "']";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String createMeeting(String username, String name) {
        return (String) api(hub.login(username), "POST", "/api/rooms", Map.of("kind", "MEETING", "name", name)).get("id");
    }

    /** A call to the API as another user, the way a second browser would make it. */
    private Map<?, ?> api(String token, String method, String path, Object body) {
        var request = hub.client().method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(token));
        var exchange = body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }
}
