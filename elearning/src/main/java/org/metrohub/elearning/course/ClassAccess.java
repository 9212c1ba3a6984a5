package org.metrohub.elearning.course;

/**
 * Whether someone may join a class's room: only members of the course (its teacher, its enrolled students, and
 * whoever supervises it) and only while the class is live. Membership is decided first, so someone outside
 * the course learns nothing of the class's state.
 */
public enum ClassAccess {
    ALLOWED, NOT_A_MEMBER, NOT_STARTED, ENDED;

    /**
     * @param teacherOrSupervisor the course's teacher, or someone who oversees every course of the tenant
     * @param enrolled            an enrolled student of the course
     */
    public static ClassAccess decide(boolean teacherOrSupervisor, boolean enrolled, ClassStatus status) {
        if (!teacherOrSupervisor && !enrolled) {
            return NOT_A_MEMBER;
        }
        return switch (status) {
            case SCHEDULED -> NOT_STARTED;
            case LIVE -> ALLOWED;
            case ENDED -> ENDED;
        };
    }
}
