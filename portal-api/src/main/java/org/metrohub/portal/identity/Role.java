package org.metrohub.portal.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roles a MetroHub user can hold; a token carries them as {@code roles}, Spring sees {@code ROLE_<name>}. */
public enum Role {
    ADMIN, OFFICIAL, TEACHER, STUDENT, DOCTOR, PATIENT, SECURITY, GUEST;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of that name, ignoring case; empty for anything else (external issuers send many roles). */
    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
