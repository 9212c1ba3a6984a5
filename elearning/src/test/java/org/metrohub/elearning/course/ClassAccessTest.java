package org.metrohub.elearning.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClassAccessTest {

    @Test
    void outsidersAreRefusedWhateverTheClassesState() {
        for (ClassStatus status : ClassStatus.values()) {
            assertThat(ClassAccess.decide(false, false, status)).as(status.name()).isEqualTo(ClassAccess.NOT_A_MEMBER);
        }
    }

    @Test
    void membersGetInOnlyWhileTheClassIsLive() {
        assertThat(ClassAccess.decide(false, true, ClassStatus.SCHEDULED)).isEqualTo(ClassAccess.NOT_STARTED);
        assertThat(ClassAccess.decide(false, true, ClassStatus.LIVE)).isEqualTo(ClassAccess.ALLOWED);
        assertThat(ClassAccess.decide(true, false, ClassStatus.LIVE)).isEqualTo(ClassAccess.ALLOWED);
        assertThat(ClassAccess.decide(true, false, ClassStatus.SCHEDULED)).isEqualTo(ClassAccess.NOT_STARTED);
        assertThat(ClassAccess.decide(true, true, ClassStatus.ENDED)).isEqualTo(ClassAccess.ENDED);
    }

    @Test
    void aClassStartsOnceAndEndsOnce() {
        assertThat(ClassStatus.SCHEDULED.canStart()).isTrue();
        assertThat(ClassStatus.LIVE.canStart()).isFalse();
        assertThat(ClassStatus.ENDED.canStart()).isFalse();
        assertThat(ClassStatus.SCHEDULED.canEnd()).isTrue();
        assertThat(ClassStatus.LIVE.canEnd()).isTrue();
        assertThat(ClassStatus.ENDED.canEnd()).isFalse();
    }

    @Test
    void aClassLastsBetweenFiveMinutesAndTwelveHours() {
        ClassTiming timing = new ClassTiming(Instant.parse("2025-03-03T08:00:00Z"), 45);
        assertThat(timing.scheduledEnd()).isEqualTo(Instant.parse("2025-03-03T08:45:00Z"));
        assertThatThrownBy(() -> new ClassTiming(Instant.EPOCH, 4)).isInstanceOf(CourseRuleException.class);
        assertThatThrownBy(() -> new ClassTiming(Instant.EPOCH, 721)).isInstanceOf(CourseRuleException.class);
    }
}
