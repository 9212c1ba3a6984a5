package org.metrohub.elearning.course;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One weekly lesson of a course: every {@code dayOfWeek} at {@code start} (wall-clock time in {@code zone}) for
 * {@code durationMinutes}. The zone's rules apply: a lesson at 09:00 Europe/Oslo stays at 09:00 local time across
 * daylight saving time changes; one whose start falls into a spring-forward gap starts after the gap.
 */
public record WeeklySlot(DayOfWeek dayOfWeek, LocalTime start, int durationMinutes, ZoneId zone) {

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 720;
    static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public WeeklySlot {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new CourseRuleException("A lesson starts on a whole minute; got " + start + ".");
        }
        if (durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) {
            throw new CourseRuleException("durationMinutes must be between " + MIN_MINUTES + " and " + MAX_MINUTES
                    + "; got " + durationMinutes + ".");
        }
    }

    /**
     * A slot from its API form: {@code dayOfWeek} a day's English name in any case ({@code "MONDAY"}),
     * {@code start} {@code "HH:mm"} on the 24-hour clock, {@code zone} a region id ({@code "Europe/Oslo"}) or
     * {@code "UTC"}.
     *
     * @throws CourseRuleException naming the field that is missing or wrong
     */
    public static WeeklySlot parse(String dayOfWeek, String start, Integer durationMinutes, String zone) {
        if (dayOfWeek == null || start == null || durationMinutes == null || zone == null) {
            throw new CourseRuleException("A schedule slot needs dayOfWeek, start, durationMinutes and zone.");
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(dayOfWeek.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CourseRuleException("dayOfWeek must be one of MONDAY … SUNDAY; got '" + abbreviate(dayOfWeek) + "'.");
        }
        if (!HH_MM.matcher(start).matches()) {
            throw new CourseRuleException("start must be a time of day as HH:mm (24-hour clock), e.g. 09:30; got '"
                    + abbreviate(start) + "'.");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new CourseRuleException("zone must be a time zone id such as Europe/Oslo or UTC; got '"
                    + abbreviate(zone) + "'.");
        }
        return new WeeklySlot(day, LocalTime.parse(start, FORMAT), durationMinutes, zoneId);
    }

    /** {@link #start} as {@code HH:mm}. */
    public String startText() {
        return FORMAT.format(start);
    }

    /** The start of the first lesson of this slot strictly after {@code after}. */
    public Instant nextStart(Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(dayOfWeek));
        Instant candidate = ZonedDateTime.of(date, start, zone).toInstant();
        return candidate.isAfter(after) ? candidate : ZonedDateTime.of(date.plusWeeks(1), start, zone).toInstant();
    }

    /** Minutes from Monday 00:00 to this slot's start, in the slot's own wall-clock time. */
    int startMinuteOfWeek() {
        return (dayOfWeek.getValue() - 1) * 24 * 60 + start.getHour() * 60 + start.getMinute();
    }

    @Override
    public String toString() {
        return dayOfWeek + " " + startText() + " (" + durationMinutes + " min, " + zone + ")";
    }

    static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
