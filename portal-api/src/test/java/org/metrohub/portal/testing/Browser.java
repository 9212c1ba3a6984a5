package org.metrohub.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One simulated participant: a headless Debian Chromium with its own chromedriver process and its own fresh
 * profile (so its own cookies, storage and connection pool). Launched by {@link ChromiumParticipants}, which also
 * closes it; {@link #driver()} is the plain Selenium driver for everything else.
 */
public final class Browser implements AutoCloseable {

    /** How long {@link #await} and {@link #runAsync} wait: a small machine, shared. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Headless and quiet as root (no sandbox, GPU, QUIC or background traffic), with a fake camera and microphone
     * allowed without a prompt, host candidates on loopback (which Chromium otherwise never gathers, so ICE
     * between two local peers cannot connect) and plain IP addresses instead of mDNS names; media plays without a
     * click and hidden pages are not throttled.
     */
    static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--autoplay-policy=no-user-gesture-required", "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding", "--window-size=1280,900");

    /**
     * Wraps an async function body so the result of its promise (or the error it throws) comes back to
     * executeAsyncScript's callback. The body sees the caller's arguments as {@code args}.
     */
    private static final String ASYNC_WRAPPER = """
            const args = Array.from(arguments);
            const done = args.pop();
            (async (...args) => { %s })(...args).then(
                value => done({ok: value === undefined ? null : value}),
                error => done({error: String(error && error.stack || error)}));
            """;

    private final String name;
    private final Path profile;
    private final WebDriver driver;

    private Browser(String name, Path profile, WebDriver driver) {
        this.name = name;
        this.profile = profile;
        this.driver = driver;
    }

    static Browser launch(String name) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments(FLAGS)
                    .addArguments("--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options); // quit() also stops the service
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new Browser(name, profile, driver);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** The participant's name, as given to {@link ChromiumParticipants#launch(String...)}. */
    public String name() {
        return name;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Runs a synchronous snippet ({@code return ...;} for a value; {@code arguments[i]} are the arguments). */
    public Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(js, arguments);
    }

    /**
     * Runs the body of an async function in the page and returns what its promise resolves to (numbers come back
     * as Long or Double, objects as Maps, arrays as Lists). The body sees the arguments as {@code args}. A
     * rejected promise or a thrown error fails with the page's stack; a promise pending for longer than
     * {@link #WAIT} fails with Selenium's script timeout.
     * <pre>{@code
     * long frames = (Long) browser.runAsync("""
     *     const stats = await window.pc.getStats();
     *     return [...stats.values()].find(s => s.type === 'inbound-rtp' && s.kind === args[0]).framesDecoded;
     *     """, "video");
     * }</pre>
     */
    public Object runAsync(String body, Object... arguments) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(ASYNC_WRAPPER.formatted(body), arguments);
        if (!(answer instanceof Map<?, ?> result)) {
            throw new AssertionError(name + ": the async script answered " + answer);
        }
        if (result.containsKey("error")) {
            throw new AssertionError(name + ": the async script failed in the page: " + result.get("error"));
        }
        return result.get("ok");
    }

    /** Polls {@code condition} (without sleeping this thread) until it is true; fails after {@link #WAIT}. */
    public void await(String what, Callable<Boolean> condition) {
        Awaitility.await(name + ": " + what).atMost(WAIT).pollInterval(POLL).until(condition);
    }

    /** Polls {@code value} until {@code accepted} holds for it and returns that value; fails after {@link #WAIT}. */
    public <T> T await(String what, Callable<T> value, Predicate<? super T> accepted) {
        return Awaitility.await(name + ": " + what).atMost(WAIT).pollInterval(POLL).until(value, accepted);
    }

    /** What the browser console said so far (each entry once: Chromium hands out the log only once). */
    public List<LogEntry> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /**
     * Saves a screenshot, the page and the console log as {@code dir/base.png}, {@code .html} and
     * {@code .console.log}; returns one line per file saved (or why not), for a failure message.
     */
    String saveEvidence(Path dir, String base) {
        StringBuilder saved = new StringBuilder();
        try {
            Files.createDirectories(dir);
            Path screenshot = dir.resolve(base + ".png");
            Files.write(screenshot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            saved.append("\n  ").append(name).append(" screenshot: ").append(screenshot.toAbsolutePath());
            Path page = dir.resolve(base + ".html");
            Files.writeString(page, Objects.toString(driver.getPageSource(), ""));
            saved.append("\n  ").append(name).append(" page: ").append(page.toAbsolutePath());
            Path console = dir.resolve(base + ".console.log");
            Files.writeString(console, consoleLog().stream().map(Object::toString)
                    .collect(Collectors.joining("\n", "", "\n")));
            saved.append("\n  ").append(name).append(" console log: ").append(console.toAbsolutePath());
            saved.append("\n  ").append(name).append(" at: ").append(driver.getCurrentUrl());
        } catch (IOException | RuntimeException e) {
            saved.append("\n  ").append(name).append(": could not save everything: ").append(e);
        }
        return saved.toString();
    }

    /** Quits Chromium and its driver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    @Override
    public String toString() {
        return "Browser[" + name + "]";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: the OS cleans up what is left
        }
    }
}
