package org.metrohub.portal.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The one way tests launch browsers: any number of independent headless Chromium participants per test, each with
 * its own chromedriver and fresh profile (one browser context per participant: pages sharing a context would
 * share Chromium's six connections per host). Register it once per test class; it skips the class, saying why,
 * when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing (Debian's {@code chromium} and
 * {@code chromium-driver}: nothing is downloaded), saves a screenshot, the page and the console log of every
 * participant under {@code target/browser-failures/} when a test fails, and closes every participant after each
 * test.
 * <pre>{@code
 * @RegisterExtension
 * static final ChromiumParticipants browsers = new ChromiumParticipants();
 *
 * @Test
 * void threePeopleMeet() {
 *     List<Browser> people = browsers.launch("teacher", "student-1", "student-2"); // concurrently
 *     ...
 * }
 * }</pre>
 * Tests of one class run one at a time (JUnit's default); the participants belong to the running test.
 */
public final class ChromiumParticipants implements BeforeAllCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final Path FAILURES = Path.of("target", "browser-failures");

    /** Selenium warns that it has no DevTools (CDP) bindings for Debian's Chromium; these tests use none. */
    private static final Logger CDP_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CDP_FALLBACK = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

    private final List<Browser> running = new ArrayList<>();

    /** Launches one participant. */
    public Browser launch(String name) {
        return launch(new String[] {name}).getFirst();
    }

    /**
     * Launches one participant per name, all at once (each start takes a second or two), and returns them in the
     * order of the names. If any fails to start, the others are closed and the failure is thrown.
     */
    public List<Browser> launch(String... names) {
        List<CompletableFuture<Browser>> starting;
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            starting = Stream.of(names)
                    .map(name -> CompletableFuture.supplyAsync(() -> Browser.launch(name), starter))
                    .toList();
        } // waits for every start to end
        List<Browser> launched = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<Browser> start : starting) {
            try {
                launched.add(start.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        synchronized (running) {
            running.addAll(launched);
        }
        if (failure != null) {
            closeAll();
            throw failure;
        }
        return List.copyOf(launched);
    }

    /** Launches {@code count} participants named {@code prefix-1} … {@code prefix-count}, all at once. */
    public List<Browser> launch(int count, String prefix) {
        return launch(IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toArray(String[]::new));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = Stream.of(Browser.BINARY, Browser.DRIVER).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).collect(Collectors.joining(" and "));
        Assumptions.assumeTrue(missing.isEmpty(), () -> {
            String why = context.getRequiredTestClass().getSimpleName() + " skipped: " + missing
                    + " missing; install Debian's chromium and chromium-driver packages";
            System.err.println(why);
            return why;
        });
        CDP_WARNINGS.setLevel(Level.OFF);
        CDP_FALLBACK.setLevel(Level.SEVERE);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        List<Browser> browsers;
        synchronized (running) {
            browsers = List.copyOf(running);
        }
        if (failure instanceof TestAbortedException || browsers.isEmpty()) {
            throw failure;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        boolean one = browsers.size() == 1;
        String saved = browsers.stream()
                .map(browser -> browser.saveEvidence(FAILURES, one ? test : test + "." + browser.name()))
                .collect(Collectors.joining());
        AssertionError withEvidence = new AssertionError(failure.getMessage() + saved, failure);
        withEvidence.setStackTrace(failure.getStackTrace());
        throw withEvidence;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeAll();
    }

    private void closeAll() {
        List<Browser> browsers;
        synchronized (running) {
            browsers = List.copyOf(running);
            running.clear();
        }
        RuntimeException failure = null;
        for (Browser browser : browsers) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
