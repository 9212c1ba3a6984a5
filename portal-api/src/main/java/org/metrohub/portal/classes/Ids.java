package org.metrohub.portal.classes;

import java.util.UUID;
import org.metrohub.portal.web.ApiException;

/** Ids in paths. */
final class Ids {

    private Ids() {
    }

    /** The UUID in a path, or a 400 problem that names what it should have been. */
    static UUID parse(String id, String what) {
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
