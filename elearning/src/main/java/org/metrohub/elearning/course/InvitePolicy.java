package org.metrohub.elearning.course;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Issues invite links and tells whether one still takes acceptances, on an injected clock. A link is valid for
 * the asked time, or {@code defaultValidity} when none is asked, and never longer than {@code maxValidity};
 * it may limit its uses to 1–{@value #MAX_USES}.
 */
public final class InvitePolicy {

    public static final int MAX_USES = 10_000;
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);

    private final Duration defaultValidity;
    private final Duration maxValidity;
    private final InstantSource clock;

    /**
     * @throws IllegalArgumentException when {@code maxValidity} is under {@link #MIN_VALIDITY} or
     *                                  {@code defaultValidity} is not between the two
     */
    public InvitePolicy(Duration defaultValidity, Duration maxValidity, InstantSource clock) {
        this.defaultValidity = Objects.requireNonNull(defaultValidity, "defaultValidity");
        this.maxValidity = Objects.requireNonNull(maxValidity, "maxValidity");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxValidity.compareTo(MIN_VALIDITY) < 0) {
            throw new IllegalArgumentException("the longest invite validity must be at least " + MIN_VALIDITY
                    + "; got " + maxValidity);
        }
        if (defaultValidity.compareTo(MIN_VALIDITY) < 0 || defaultValidity.compareTo(maxValidity) > 0) {
            throw new IllegalArgumentException("the default invite validity must be between " + MIN_VALIDITY
                    + " and the longest (" + maxValidity + "); got " + defaultValidity);
        }
    }

    /**
     * A new, unused link created now.
     *
     * @param validFor how long it takes acceptances; null for the default
     * @param maxUses  how many students it may enrol; null for no limit
     * @throws CourseRuleException when either is out of range
     */
    public InviteLink issue(Duration validFor, Integer maxUses) {
        Duration validity = validFor == null ? defaultValidity : validFor;
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(maxValidity) > 0) {
            throw new CourseRuleException("An invite is valid for between " + human(MIN_VALIDITY) + " and "
                    + human(maxValidity) + "; asked " + human(validity) + ".");
        }
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES)) {
            throw new CourseRuleException("maxUses must be between 1 and " + MAX_USES + "; got " + maxUses + ".");
        }
        Instant now = now();
        return new InviteLink(now, now.plus(validity), maxUses, 0, null);
    }

    /** The link's state now. */
    public InviteLink.State stateOf(InviteLink link) {
        return link.stateAt(clock.instant());
    }

    /** The clock's instant to microseconds, the precision the links are stored with. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String human(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            long days = duration.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (duration.toSeconds() % 3_600 == 0) {
            long hours = duration.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = duration.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
