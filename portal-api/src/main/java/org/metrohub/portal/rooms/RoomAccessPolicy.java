package org.metrohub.portal.rooms;

import org.metrohub.portal.identity.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * A rule another feature adds to joining a room, so that rooms need not know that feature (the classes
 * package, for example, admits only a course's members to a class's room, and only while the class is live).
 * {@link RoomService#join} consults every such bean, in {@link org.springframework.core.annotation.Order}, after
 * its own checks (same tenant, room open) and before it records presence or issues a room token.
 */
public interface RoomAccessPolicy {

    /**
     * Completes empty when {@code user} may join {@code room}, or with an error to refuse, normally an
     * {@link org.metrohub.portal.web.ApiException} whose sentence the caller reads (403 for who they are, 409
     * for the room's state). A policy that has no say over a room (another kind, say) completes empty at once.
     */
    Mono<Void> checkJoin(CurrentUser user, Room room);
}
