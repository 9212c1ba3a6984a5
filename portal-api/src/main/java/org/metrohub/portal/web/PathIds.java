package org.metrohub.portal.web;

import java.util.UUID;

/** Ids in request paths. */
public final class PathIds {

    private PathIds() {
    }

    /** The UUID in a path, or a 400 problem that names what it should have been ({@code what}: "room", "class"…). */
    public static UUID uuid(String id, String what) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("A " + what + " id is a UUID such as 3f2b8c1e-0d4a-4b7e-9a51-2c6f0e8d9b13.");
    }
}
