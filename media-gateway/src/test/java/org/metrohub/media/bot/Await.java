package org.metrohub.media.bot;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, polling every 10 ms (no fixed sleeps). */
final class Await {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /** Fails with {@code what} and the {@code state} at the deadline. */
    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what
                        + "; state: " + state.get());
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    /** Waits until {@code value} has not changed for {@code quiet} (e.g. a flood has drained); returns it. */
    static long stable(String what, LongSupplier value, Duration quiet) {
        long[] last = {value.getAsLong()};
        long[] since = {System.nanoTime()};
        until(what + " to settle", () -> {
            long now = value.getAsLong();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] >= quiet.toNanos();
        }, () -> String.valueOf(last[0]));
        return last[0];
    }
}
