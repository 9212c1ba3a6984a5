package org.metrohub.portal.classes;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Course settings ({@code metrohub.courses.*}).
 *
 * @param inviteValidity    how long an invite link takes acceptances when its creator asks for no validity
 * @param inviteMaxValidity the longest validity a creator may ask for
 */
@Validated
@ConfigurationProperties("metrohub.courses")
public record CoursesProperties(
        @DefaultValue("7d") @NotNull Duration inviteValidity,
        @DefaultValue("30d") @NotNull Duration inviteMaxValidity) {

    public CoursesProperties {
        if (inviteValidity != null && inviteMaxValidity != null
                && (inviteValidity.toMinutes() < 1 || inviteValidity.compareTo(inviteMaxValidity) > 0)) {
            throw new IllegalArgumentException("metrohub.courses.invite-validity must be at least 1 minute and at most "
                    + "metrohub.courses.invite-max-validity (" + inviteMaxValidity + "); got " + inviteValidity);
        }
    }
}
