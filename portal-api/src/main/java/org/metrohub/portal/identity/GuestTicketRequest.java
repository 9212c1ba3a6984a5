package org.metrohub.portal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A guest ticket to exchange, as handed out in a BigBlueButton {@code join} redirect. */
public record GuestTicketRequest(@NotBlank @Size(max = 4096) String ticket) {
}
