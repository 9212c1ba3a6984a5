package org.metrohub.portal.classes;

import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.metrohub.elearning.course.ClassStatus;
import org.metrohub.elearning.course.ClassTiming;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.rooms.CreateRoomRequest;
import org.metrohub.portal.rooms.Room;
import org.metrohub.portal.rooms.RoomKind;
import org.metrohub.portal.rooms.RoomService;
import org.metrohub.portal.rooms.RoomStatus;
import org.metrohub.portal.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The class use cases. A class and its room are made together, in one transaction, through
 * {@link RoomService} (so the room's events are written to the outbox with it); the teacher who plans the class
 * creates the room and so moderates it. Ending a class closes its room in the same transaction.
 */
@Service
public class ClassService {

    private final ClassRepository classes;
    private final CourseService courses;
    private final RoomService rooms;
    private final TransactionalOperator tx;
    private final InstantSource clock;

    public ClassService(ClassRepository classes, CourseService courses, RoomService rooms, TransactionalOperator tx,
                        InstantSource clock) {
        this.classes = classes;
        this.courses = courses;
        this.rooms = rooms;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<CourseClass> create(CurrentUser user, UUID courseId, CreateClassRequest request) {
        return courses.find(courseId).flatMap(course -> {
            CoursePolicy.checkTeach(user, course);
            // PostgreSQL keeps microseconds: answer the create with what a later read returns
            ClassTiming timing = CourseService.rule(() -> new ClassTiming(
                    instant(request.scheduledStart()).truncatedTo(ChronoUnit.MICROS), request.durationMinutes()));
            String title = request.title().strip();
            Mono<CourseClass> create = rooms.create(user, new CreateRoomRequest(RoomKind.CLASS.name(), title,
                            request.description(), request.capacity()))
                    .flatMap(room -> {
                        Instant now = now();
                        return classes.insert(new CourseClass(UUID.randomUUID(), course.id(), room.id(), title,
                                timing.scheduledStart(), timing.durationMinutes(), ClassStatus.SCHEDULED, null, null,
                                user.id(), now, now, 0));
                    });
            return tx.transactional(create);
        });
    }

    public Mono<List<CourseClass>> list(CurrentUser user, UUID courseId) {
        return courses.readable(user, courseId).flatMap(course -> classes.listByCourse(course.id()));
    }

    public Mono<CourseClass> get(CurrentUser user, UUID id) {
        return find(id).flatMap(c -> courses.readable(user, c.courseId()).thenReturn(c));
    }

    /** Starts a scheduled class: from now on the course's members may join its room. */
    public Mono<CourseClass> start(CurrentUser user, UUID id) {
        return managed(user, id).flatMap(c -> {
            if (!c.status().canStart()) {
                return Mono.error(ApiException.conflict("The class is " + c.status() + "; only a SCHEDULED class starts."));
            }
            return rooms.get(user, c.roomId()).flatMap(room -> {
                if (room.status() == RoomStatus.CLOSED) {
                    return Mono.error(ApiException.conflict(
                            "The class's room has been closed; plan a new class instead."));
                }
                return saved(classes.move(c.moved(ClassStatus.LIVE, now())));
            });
        });
    }

    /** Ends a class, live or still scheduled, and closes its room (if it is still open). */
    public Mono<CourseClass> end(CurrentUser user, UUID id) {
        return managed(user, id).flatMap(c -> {
            if (!c.status().canEnd()) {
                return Mono.error(ApiException.conflict("The class has ended already."));
            }
            Mono<CourseClass> end = rooms.get(user, c.roomId())
                    .flatMap(room -> room.status() == RoomStatus.OPEN ? rooms.close(user, room.id()) : Mono.just(room))
                    .then(saved(classes.move(c.moved(ClassStatus.ENDED, now()))));
            return tx.transactional(end);
        });
    }

    private Mono<CourseClass> managed(CurrentUser user, UUID id) {
        return find(id).flatMap(c -> courses.managed(user, c.courseId()).thenReturn(c));
    }

    private Mono<CourseClass> find(UUID id) {
        return classes.find(id).switchIfEmpty(Mono.error(ApiException.notFound("No class " + id + ".")));
    }

    private static Mono<CourseClass> saved(Mono<CourseClass> update) {
        return update.switchIfEmpty(Mono.error(ApiException.conflict(
                "The class was changed by someone else; reload and try again.")));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("scheduledStart must be an ISO-8601 instant such as 2025-03-03T08:00:00Z.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }
}
