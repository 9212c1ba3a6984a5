package org.metrohub.portal.classes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom to enrol: a user id or user name of a STUDENT of the course's tenant. */
public record EnrolRequest(@NotBlank @Size(max = 200) String user) {
}
