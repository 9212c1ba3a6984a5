package org.metrohub.portal.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Invite validity binds as documented: 7 days by default, at most 30, a default above the maximum refused. */
class CoursesPropertiesTest {

    @Test
    void invitesLastSevenDaysByDefaultAndThirtyAtMost() {
        CoursesProperties properties = bind(Map.of());
        assertThat(properties.inviteValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.inviteMaxValidity()).isEqualTo(Duration.ofDays(30));
        assertThat(bind(Map.of("metrohub.courses.invite-validity", "2d")).inviteValidity()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void aDefaultLongerThanTheMaximumFailsNamingBothProperties() {
        assertThatThrownBy(() -> bind(Map.of("metrohub.courses.invite-validity", "40d")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("metrohub.courses.invite-validity")
                .hasMessageContaining("metrohub.courses.invite-max-validity");
    }

    private static CoursesProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("metrohub.courses", CoursesProperties.class);
    }
}
