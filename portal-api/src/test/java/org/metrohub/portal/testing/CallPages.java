package org.metrohub.portal.testing;

import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * What the media ITs do in the portal's pages: sign in through the form, join a room's call from its page with
 * small fake-camera video, and read the call's {@code stats()} summary (js/media/call.js).
 */
public final class CallPages {

    /** 320×180 at 15 fps: three encoders and six decoders stay affordable on a 2-core machine. */
    public static final String SMALL_VIDEO = """
            window.metrohubCallOptions = { video: { width: { ideal: 320 }, height: { ideal: 180 },
                                                    frameRate: { ideal: 15 } } };
            """;

    private CallPages() {
    }

    /** Signs in through the sign-in form (password {@code demo}) and waits for the home page. */
    public static void signIn(Browser b, TestHub hub, String username) {
        WebDriver d = b.driver();
        b.open(hub.baseUrl() + "/");
        b.await("the sign-in form", () -> !d.findElements(By.id("login-form")).isEmpty());
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys("demo");
        d.findElement(By.id("login")).click();
        b.await("signed in as " + username, () -> d.getCurrentUrl().endsWith("#/home"));
    }

    /**
     * Opens the room's page, runs {@code options} (a script setting {@code window.metrohubCallOptions}) and presses
     * Join; with {@code awaitConnected} waits until the call says it is connected.
     */
    public static void joinCall(Browser b, TestHub hub, Object roomId, String options, boolean awaitConnected) {
        WebDriver d = b.driver();
        d.get(hub.baseUrl() + "/#/rooms/" + roomId);
        b.await("the room page", () -> !d.findElements(By.id("join-room")).isEmpty()
                && d.findElement(By.id("join-room")).isEnabled());
        b.script(options);
        d.findElement(By.id("join-room")).click();
        if (awaitConnected) {
            b.await("the call is connected", () -> !d.findElements(By.id("call-state")).isEmpty()
                    && "connected".equals(d.findElement(By.id("call-state")).getDomAttribute("data-state")));
        }
    }

    /** The call's {@code stats()} summary (an empty map when no call runs). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> stats(Browser b) {
        return (Map<String, Object>) b.runAsync("""
                const call = window.metrohubCall;
                return call ? await call.stats() : {};
                """);
    }

    public static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
