package org.metrohub.portal.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether this test JVM runs in the network namespace that {@code src/test/netns/java-in-netns} (failsafe's
 * {@code <jvm>}) makes: only {@code lo}, up. Everything a media test starts (hub, media node, Chromium, {@code tc})
 * runs in it too, since child processes inherit the namespace. The script says so in {@value #PROPERTY}:
 * {@code loopback-only} inside, {@code none} when it could not make one (and {@value #REASON} says why); a JVM
 * started some other way (an IDE) has neither.
 */
public final class LoopbackNamespace {

    public static final String PROPERTY = "metrohub.test.netns";
    public static final String REASON = "metrohub.test.netns.reason";
    static final String INSIDE = "loopback-only";

    private LoopbackNamespace() {
    }

    public static boolean inside() {
        return INSIDE.equals(System.getProperty(PROPERTY));
    }

    /** Skips the calling test, printing why on stderr, unless this JVM runs in the loopback-only namespace. */
    public static void assumeInside(String test) {
        Assumptions.assumeTrue(inside(), () -> {
            String why = test + " skipped: it needs the loopback-only network namespace, but " + whyNot();
            System.err.println(why);
            return why;
        });
    }

    private static String whyNot() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return PROPERTY + " is not set: this JVM was not started through portal-api/src/test/netns/java-in-netns"
                    + " (run the test through failsafe: ./mvnw -pl portal-api verify -Dit.test=...)";
        }
        return PROPERTY + "=" + value + ": " + System.getProperty(REASON, "no reason given");
    }
}
