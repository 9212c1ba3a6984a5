package org.metrohub.portal.classes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A new invite link: valid for {@code validFor}, an ISO-8601 duration such as {@code P7D} or {@code PT12H}
 * (default 7 days, at most 30), for at most {@code maxUses} students (default: no limit).
 */
public record CreateInviteRequest(@Size(max = 40) String validFor, @Min(1) @Max(10_000) Integer maxUses) {
}
