package org.metrohub.portal.classes;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.metrohub.elearning.course.CourseRuleException;
import org.metrohub.elearning.course.InviteLink;
import org.metrohub.elearning.course.InvitePolicy;
import org.metrohub.elearning.course.InviteToken;
import org.metrohub.elearning.course.WeeklySchedule;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.Role;
import org.metrohub.portal.identity.UserDirectory;
import org.metrohub.portal.identity.UserView;
import org.metrohub.portal.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The course use cases: courses, enrolment by the teacher and through invite links. Every call checks tenant and
 * role through {@link CoursePolicy}; schedules and invite terms follow the elearning rules.
 */
@Service
public class CourseService {

    private final CourseRepository courses;
    private final InviteRepository invites;
    private final UserDirectory directory;
    private final TransactionalOperator tx;
    private final InstantSource clock;
    private final InvitePolicy invitePolicy;
    private final SecureRandom random = new SecureRandom();

    public CourseService(CourseRepository courses, InviteRepository invites, UserDirectory directory,
                         TransactionalOperator tx, InstantSource clock, CoursesProperties properties) {
        this.courses = courses;
        this.invites = invites;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
        this.invitePolicy = new InvitePolicy(properties.inviteValidity(), properties.inviteMaxValidity(), clock);
    }

    public Mono<Course> create(CurrentUser user, CreateCourseRequest request) {
        CoursePolicy.checkCreate(user);
        List<ScheduleSlot> schedule = schedule(request.schedule() == null ? List.of() : request.schedule());
        return teacherOf(user, request.teacher()).flatMap(teacherId -> {
            Instant now = now();
            Course course = new Course(UUID.randomUUID(), user.tenant(), request.name().strip(),
                    request.description() == null ? "" : request.description().strip(), teacherId, schedule, null,
                    user.id(), now, now, 0);
            return courses.insert(course).map(this::withNextLesson);
        });
    }

    private Mono<String> teacherOf(CurrentUser user, String named) {
        if (named == null || named.isBlank() || named.strip().equals(user.id()) || named.strip().equals(user.username())) {
            if (!user.has(Role.TEACHER)) {
                return Mono.error(ApiException.badRequest(
                        "teacher: name the course's teacher (a user id or user name of a TEACHER of your tenant)."));
            }
            return Mono.just(user.id());
        }
        if (!user.isAdmin()) {
            return Mono.error(ApiException.forbidden("Only an ADMIN may create a course for another teacher."));
        }
        return sameTenantUser(user, named.strip()).flatMap(teacher -> teacher.roles().contains(Role.TEACHER.name())
                ? Mono.just(teacher.id())
                : Mono.error(ApiException.badRequest("teacher: " + teacher.username() + " is not a TEACHER.")));
    }

    public Mono<List<Course>> listMine(CurrentUser user) {
        return courses.listFor(user.tenant(), user.id(), user.isAdmin())
                .map(list -> list.stream().map(this::withNextLesson).toList());
    }

    public Mono<Course> get(CurrentUser user, UUID id) {
        return readable(user, id).map(this::withNextLesson);
    }

    public Mono<Course> update(CurrentUser user, UUID id, UpdateCourseRequest request) {
        return managed(user, id).flatMap(course -> {
            List<ScheduleSlot> schedule = request.schedule() == null ? null : schedule(request.schedule());
            Course changed = new Course(course.id(), course.tenant(),
                    request.name() == null ? course.name() : request.name().strip(),
                    request.description() == null ? course.description() : request.description().strip(),
                    course.teacherId(), schedule == null ? course.schedule() : schedule, null, course.createdBy(),
                    course.createdAt(), now(), course.version());
            return courses.update(changed)
                    .switchIfEmpty(Mono.error(ApiException.conflict(
                            "The course was changed by someone else; reload and try again.")))
                    .map(this::withNextLesson);
        });
    }

    public Mono<List<Enrolment>> students(CurrentUser user, UUID id) {
        return managed(user, id).flatMap(course -> courses.enrolments(course.id()));
    }

    /** Enrols a STUDENT of the course's tenant; the enrolment, and whether it is new. */
    Mono<CourseRepository.Enrolled> enrol(CurrentUser user, UUID id, EnrolRequest request) {
        return managed(user, id).flatMap(course -> sameTenantUser(user, request.user().strip()).flatMap(student -> {
            if (!student.roles().contains(Role.STUDENT.name())) {
                return Mono.error(ApiException.badRequest("user: " + student.username()
                        + " is not a STUDENT; only students are enrolled."));
            }
            return courses.enrol(new Enrolment(course.id(), student.id(), student.username(), student.displayName(),
                    "TEACHER", now()));
        }));
    }

    public Mono<Void> unenrol(CurrentUser user, UUID id, String userId) {
        return managed(user, id).flatMap(course -> courses.unenrol(course.id(), userId))
                .flatMap(removed -> removed ? Mono.<Void>empty()
                        : Mono.error(ApiException.notFound("No student " + userId + " is enrolled in this course.")));
    }

    public Mono<IssuedInvite> createInvite(CurrentUser user, UUID id, CreateInviteRequest request) {
        return managed(user, id).flatMap(course -> {
            Duration validFor = validFor(request.validFor());
            InviteLink link = rule(() -> invitePolicy.issue(validFor, request.maxUses()));
            String token = InviteToken.generate(random);
            return invites.insert(new InviteRepository.StoredInvite(UUID.randomUUID(), course.id(),
                            InviteToken.hash(token), user.id(), link))
                    .map(stored -> new IssuedInvite(stored.id(), stored.courseId(), token,
                            "/api/invites/" + token + "/accept", link.createdAt(), link.expiresAt(), link.maxUses()));
        });
    }

    public Mono<List<CourseInvite>> invites(CurrentUser user, UUID id) {
        return managed(user, id).flatMap(course -> invites.list(course.id()))
                .map(list -> list.stream().map(this::view).toList());
    }

    public Mono<CourseInvite> revokeInvite(CurrentUser user, UUID id, UUID inviteId) {
        return managed(user, id).flatMap(course -> invites.revoke(course.id(), inviteId, now()))
                .switchIfEmpty(Mono.error(ApiException.notFound("This course has no invite " + inviteId
                        + " that is not revoked already.")))
                .map(this::view);
    }

    /**
     * Enrols the caller, a STUDENT of the course's tenant, through an invite link. Someone already enrolled
     * gets their enrolment and uses nothing up; an expired, used-up or revoked link answers 410.
     */
    public Mono<AcceptedInvite> accept(CurrentUser user, String token) {
        if (!InviteToken.wellFormed(token)) {
            return Mono.error(unknownInvite());
        }
        return invites.findByHash(InviteToken.hash(token))
                .switchIfEmpty(Mono.error(unknownInvite()))
                .flatMap(invite -> find(invite.courseId()).flatMap(course -> {
                    if (!user.tenant().equals(course.tenant())) {
                        return Mono.error(ApiException.forbidden("This invite is for a course of another tenant."));
                    }
                    if (!user.has(Role.STUDENT)) {
                        return Mono.error(ApiException.forbidden("Only a STUDENT may accept an invite to a course."));
                    }
                    return courses.enrolment(course.id(), user.id())
                            .map(existing -> new AcceptedInvite(withNextLesson(course), existing))
                            .switchIfEmpty(Mono.defer(() -> enrolThrough(user, course, invite)));
                }));
    }

    private Mono<AcceptedInvite> enrolThrough(CurrentUser user, Course course, InviteRepository.StoredInvite invite) {
        Instant now = now();
        InviteLink.State state = invite.link().stateAt(now);
        if (state != InviteLink.State.VALID) {
            return Mono.error(gone(state));
        }
        Mono<AcceptedInvite> enrol = invites.consume(invite.id(), now)
                .switchIfEmpty(Mono.defer(() -> invites.findByHash(invite.tokenHash())
                        .flatMap(again -> Mono.error(gone(again.link().stateAt(now))))))
                .then(courses.enrol(new Enrolment(course.id(), user.id(), user.username(), user.displayName(), "INVITE",
                        now)))
                .map(enrolled -> new AcceptedInvite(withNextLesson(course), enrolled.enrolment()));
        return tx.transactional(enrol);
    }

    private static ApiException gone(InviteLink.State state) {
        String why = switch (state) {
            case EXPIRED -> "has expired";
            case USED_UP -> "has been used as often as it may";
            case REVOKED -> "was revoked";
            case VALID -> "was used up a moment ago";
        };
        return new ApiException(HttpStatus.GONE, "This invite link " + why + "; ask the teacher for a new one.");
    }

    private static ApiException unknownInvite() {
        return ApiException.notFound("No invite link has this token.");
    }

    /** The course, if the caller may see it (its teacher, an ADMIN, an enrolled student). */
    Mono<Course> readable(CurrentUser user, UUID id) {
        return find(id).flatMap(course -> {
            CoursePolicy.checkTenant(user, course);
            if (CoursePolicy.manages(user, course)) {
                return Mono.just(course);
            }
            return courses.isEnrolled(course.id(), user.id()).map(enrolled -> {
                CoursePolicy.checkRead(user, course, enrolled);
                return course;
            });
        });
    }

    /** The course, if the caller manages it (its teacher or an ADMIN). */
    Mono<Course> managed(CurrentUser user, UUID id) {
        return find(id).doOnNext(course -> CoursePolicy.checkManage(user, course));
    }

    Mono<Course> find(UUID id) {
        return courses.find(id).switchIfEmpty(Mono.error(ApiException.notFound("No course " + id + ".")));
    }

    /** A user of the caller's tenant; 404 for anyone else, so other tenants' users cannot be probed. */
    private Mono<UserView> sameTenantUser(CurrentUser user, String idOrUsername) {
        return directory.findUser(idOrUsername)
                .filter(found -> found.tenant().equals(user.tenant()))
                .switchIfEmpty(Mono.error(ApiException.notFound("No user '" + idOrUsername + "' in your tenant.")));
    }

    private Course withNextLesson(Course course) {
        WeeklySchedule schedule = new WeeklySchedule(course.schedule().stream().map(ScheduleSlot::toSlot).toList());
        return course.withNextLessonAt(schedule.nextStart(clock.instant()).orElse(null));
    }

    private CourseInvite view(InviteRepository.StoredInvite stored) {
        InviteLink link = stored.link();
        return new CourseInvite(stored.id(), stored.courseId(), stored.createdBy(), link.createdAt(), link.expiresAt(),
                link.maxUses(), link.uses(), link.revokedAt(), invitePolicy.stateOf(link).name());
    }

    /** Validates a schedule and gives it back in its normal form (week order, names and zone as parsed). */
    private static List<ScheduleSlot> schedule(List<ScheduleSlot> slots) {
        WeeklySchedule schedule = rule(() -> new WeeklySchedule(slots.stream().map(ScheduleSlot::toSlot).toList()));
        return schedule.slots().stream().map(ScheduleSlot::of).toList();
    }

    private static Duration validFor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("validFor must be an ISO-8601 duration such as P7D or PT12H.");
        }
    }

    /** Runs a rule of the elearning domain, turning its refusal into a 400 problem with its sentence. */
    static <T> T rule(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (CourseRuleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }
}
