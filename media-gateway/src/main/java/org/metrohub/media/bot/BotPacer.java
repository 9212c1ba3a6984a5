package org.metrohub.media.bot;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one thread ({@code bot-pacer}) that sends every registered bot's due packets, every tick: many bots share it
 * instead of a timer each. A bot behind by more than a second skips ahead rather than bursting. The tick itself
 * allocates nothing.
 */
public final class BotPacer implements AutoCloseable {

    private static final BotParticipant[] NONE = new BotParticipant[0];

    private final ScheduledExecutorService executor;
    private final LongAdder failures = new LongAdder();
    private volatile BotParticipant[] bots = NONE;

    /** A pacer ticking every millisecond. */
    public BotPacer() {
        this(Duration.ofMillis(1));
    }

    public BotPacer(Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("bot-pacer").unstarted(r));
        long nanos = tick.toNanos();
        executor.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    synchronized void add(BotParticipant bot) {
        BotParticipant[] now = bots;
        for (BotParticipant b : now) {
            if (b == bot) {
                return;
            }
        }
        BotParticipant[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = bot;
        bots = next;
    }

    synchronized void remove(BotParticipant bot) {
        bots = Arrays.stream(bots).filter(b -> b != bot).toArray(BotParticipant[]::new);
    }

    /** Bots sending now. */
    public int size() {
        return bots.length;
    }

    /** Ticks on which a bot threw (the bot is kept). */
    public long failures() {
        return failures.sum();
    }

    private void tick() {
        long now = System.nanoTime();
        for (BotParticipant bot : bots) {
            try {
                bot.sendDue(now);
            } catch (RuntimeException e) {
                failures.increment();
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
