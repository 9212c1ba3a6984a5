package org.metrohub.elearning.course;

/**
 * A class's life: {@code SCHEDULED} until its teacher starts it, {@code LIVE} while it runs, {@code ENDED} for
 * good. A scheduled class may also be ended without having started (it is called off).
 */
public enum ClassStatus {
    SCHEDULED, LIVE, ENDED;

    public boolean canStart() {
        return this == SCHEDULED;
    }

    public boolean canEnd() {
        return this != ENDED;
    }
}
