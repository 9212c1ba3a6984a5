package org.metrohub.portal.classes;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Courses and their enrolments in PostgreSQL; a course's schedule is kept as JSON text. */
@Repository
class CourseRepository {

    static final int LIST_LIMIT = 500;
    private static final String COLUMNS =
            "id, tenant_id, name, description, teacher_id, schedule, created_by, created_at, updated_at, version";
    private static final String ENROLMENT_COLUMNS = "course_id, user_id, username, display_name, via, enrolled_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    CourseRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Course> insert(Course course) {
        return db.sql("INSERT INTO course (" + COLUMNS + ") VALUES (:id, :tenant, :name, :description, :teacher, "
                        + ":schedule, :createdBy, :createdAt, :updatedAt, :version)")
                .bind("id", course.id())
                .bind("tenant", course.tenant())
                .bind("name", course.name())
                .bind("description", course.description())
                .bind("teacher", course.teacherId())
                .bind("schedule", json.writeValueAsString(course.schedule()))
                .bind("createdBy", course.createdBy())
                .bind("createdAt", course.createdAt())
                .bind("updatedAt", course.updatedAt())
                .bind("version", course.version())
                .then()
                .thenReturn(course);
    }

    Mono<Course> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM course WHERE id = :id").bind("id", id).map(this::course).one();
    }

    /** Saves a changed course if nobody else changed it since it was read; empty if somebody did. */
    Mono<Course> update(Course course) {
        return db.sql("UPDATE course SET name = :name, description = :description, schedule = :schedule, "
                        + "updated_at = :updatedAt, version = version + 1 WHERE id = :id AND version = :version "
                        + "RETURNING " + COLUMNS)
                .bind("id", course.id())
                .bind("name", course.name())
                .bind("description", course.description())
                .bind("schedule", json.writeValueAsString(course.schedule()))
                .bind("updatedAt", course.updatedAt())
                .bind("version", course.version())
                .map(this::course)
                .one();
    }

    /** The tenant's courses that {@code userId} teaches or is enrolled in (all of them with {@code everything}). */
    Mono<List<Course>> listFor(String tenant, String userId, boolean everything) {
        String mine = everything ? "" : " AND (teacher_id = :user OR id IN "
                + "(SELECT course_id FROM course_enrolment WHERE user_id = :user))";
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM course WHERE tenant_id = :tenant"
                        + mine + " ORDER BY created_at DESC, id LIMIT " + LIST_LIMIT)
                .bind("tenant", tenant);
        if (!everything) {
            spec = spec.bind("user", userId);
        }
        return spec.map(this::course).all().collectList();
    }

    Mono<Boolean> isEnrolled(UUID courseId, String userId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM course_enrolment WHERE course_id = :course AND user_id = :user) AS e")
                .bind("course", courseId)
                .bind("user", userId)
                .map(r -> r.get("e", Boolean.class))
                .one();
    }

    /** Enrols a student unless they are already in; the enrolment as it stands, and whether it is new. */
    Mono<Enrolled> enrol(Enrolment enrolment) {
        return db.sql("INSERT INTO course_enrolment (" + ENROLMENT_COLUMNS + ") VALUES (:course, :user, :username, "
                        + ":name, :via, :at) ON CONFLICT (course_id, user_id) DO NOTHING")
                .bind("course", enrolment.courseId())
                .bind("user", enrolment.userId())
                .bind("username", enrolment.username())
                .bind("name", enrolment.displayName())
                .bind("via", enrolment.via())
                .bind("at", enrolment.enrolledAt())
                .fetch().rowsUpdated()
                .flatMap(n -> n > 0 ? Mono.just(new Enrolled(enrolment, true))
                        : enrolment(enrolment.courseId(), enrolment.userId()).map(e -> new Enrolled(e, false)));
    }

    /** An enrolment and whether this call made it. */
    record Enrolled(Enrolment enrolment, boolean isNew) {
    }

    Mono<Enrolment> enrolment(UUID courseId, String userId) {
        return db.sql("SELECT " + ENROLMENT_COLUMNS + " FROM course_enrolment WHERE course_id = :course AND user_id = :user")
                .bind("course", courseId)
                .bind("user", userId)
                .map(CourseRepository::enrolment)
                .one();
    }

    /** Removes a student; true when they were enrolled. */
    Mono<Boolean> unenrol(UUID courseId, String userId) {
        return db.sql("DELETE FROM course_enrolment WHERE course_id = :course AND user_id = :user")
                .bind("course", courseId)
                .bind("user", userId)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    Mono<List<Enrolment>> enrolments(UUID courseId) {
        return db.sql("SELECT " + ENROLMENT_COLUMNS + " FROM course_enrolment WHERE course_id = :course "
                        + "ORDER BY display_name, user_id")
                .bind("course", courseId)
                .map(CourseRepository::enrolment)
                .all()
                .collectList();
    }

    private Course course(Readable row) {
        List<ScheduleSlot> schedule = Arrays.asList(json.readValue(row.get("schedule", String.class), ScheduleSlot[].class));
        return new Course(row.get("id", UUID.class), row.get("tenant_id", String.class), row.get("name", String.class),
                row.get("description", String.class), row.get("teacher_id", String.class), List.copyOf(schedule), null,
                row.get("created_by", String.class), instant(row, "created_at"), instant(row, "updated_at"),
                row.get("version", Long.class));
    }

    private static Enrolment enrolment(Readable row) {
        return new Enrolment(row.get("course_id", UUID.class), row.get("user_id", String.class),
                row.get("username", String.class), row.get("display_name", String.class), row.get("via", String.class),
                instant(row, "enrolled_at"));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime time = row.get(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
