package org.metrohub.portal.classes;

import org.metrohub.elearning.course.ClassAccess;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.Room;
import org.metrohub.portal.rooms.RoomAccessPolicy;
import org.metrohub.portal.rooms.RoomKind;
import org.metrohub.portal.web.ApiException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Joining a class's room: only the course's teacher, its enrolled students and the tenant's ADMINs (403 for
 * anyone else), and only while the class is live (409 before it starts). A room of kind {@code CLASS} that no
 * class uses (made straight through the rooms API) keeps the rooms rules alone.
 */
@Component
class ClassRoomAccess implements RoomAccessPolicy {

    private final ClassRepository classes;

    ClassRoomAccess(ClassRepository classes) {
        this.classes = classes;
    }

    @Override
    public Mono<Void> checkJoin(CurrentUser user, Room room) {
        if (room.kind() != RoomKind.CLASS) {
            return Mono.empty();
        }
        return classes.roomFacts(room.id(), user.id()).flatMap(facts -> {
            boolean supervisor = user.isAdmin() || user.id().equals(facts.teacherId());
            return switch (ClassAccess.decide(supervisor, facts.enrolled(), facts.status())) {
                case ALLOWED -> Mono.empty();
                case NOT_A_MEMBER -> Mono.error(ApiException.forbidden("This room holds a class of the course '"
                        + facts.courseName() + "': only its teacher and enrolled students may join."));
                case NOT_STARTED -> Mono.error(ApiException.conflict("The class has not started yet (it is scheduled "
                        + "for " + facts.scheduledStart() + "); join once the teacher starts it."));
                case ENDED -> Mono.error(ApiException.conflict("The class has ended."));
            };
        });
    }
}
