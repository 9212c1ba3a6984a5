package org.metrohub.portal.classes;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.metrohub.elearning.course.ClassStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Classes in PostgreSQL, and what deciding a join to a class's room needs. */
@Repository
class ClassRepository {

    private static final String COLUMNS = "id, course_id, room_id, title, scheduled_start, duration_minutes, status, "
            + "started_at, ended_at, created_by, created_at, updated_at, version";

    /** A class's room, seen from the course: its state, the course's teacher, and whether a user is enrolled. */
    record RoomFacts(UUID classId, ClassStatus status, Instant scheduledStart, String courseName, String teacherId,
                     boolean enrolled) {
    }

    private final DatabaseClient db;

    ClassRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<CourseClass> insert(CourseClass c) {
        return db.sql("INSERT INTO course_class (" + COLUMNS + ") VALUES (:id, :course, :room, :title, :start, "
                        + ":duration, :status, NULL, NULL, :createdBy, :createdAt, :updatedAt, :version)")
                .bind("id", c.id())
                .bind("course", c.courseId())
                .bind("room", c.roomId())
                .bind("title", c.title())
                .bind("start", c.scheduledStart())
                .bind("duration", c.durationMinutes())
                .bind("status", c.status().name())
                .bind("createdBy", c.createdBy())
                .bind("createdAt", c.createdAt())
                .bind("updatedAt", c.updatedAt())
                .bind("version", c.version())
                .then()
                .thenReturn(c);
    }

    Mono<CourseClass> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM course_class WHERE id = :id").bind("id", id)
                .map(ClassRepository::courseClass).one();
    }

    Mono<List<CourseClass>> listByCourse(UUID courseId) {
        return db.sql("SELECT " + COLUMNS + " FROM course_class WHERE course_id = :course "
                        + "ORDER BY scheduled_start, id LIMIT " + CourseRepository.LIST_LIMIT)
                .bind("course", courseId)
                .map(ClassRepository::courseClass)
                .all()
                .collectList();
    }

    /** Saves a new status if the class is as it was read; empty if somebody changed it meanwhile. */
    Mono<CourseClass> move(CourseClass moved) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE course_class SET status = :status, "
                        + "started_at = :startedAt, ended_at = :endedAt, updated_at = :updatedAt, version = version + 1 "
                        + "WHERE id = :id AND version = :version RETURNING " + COLUMNS)
                .bind("id", moved.id())
                .bind("status", moved.status().name())
                .bind("updatedAt", moved.updatedAt())
                .bind("version", moved.version());
        spec = moved.startedAt() == null ? spec.bindNull("startedAt", Instant.class) : spec.bind("startedAt", moved.startedAt());
        spec = moved.endedAt() == null ? spec.bindNull("endedAt", Instant.class) : spec.bind("endedAt", moved.endedAt());
        return spec.map(ClassRepository::courseClass).one();
    }

    /** The facts about the class held in {@code roomId} for {@code userId}; empty when no class uses that room. */
    Mono<RoomFacts> roomFacts(UUID roomId, String userId) {
        return db.sql("SELECT cl.id, cl.status, cl.scheduled_start, co.name, co.teacher_id, EXISTS (SELECT 1 FROM "
                        + "course_enrolment e WHERE e.course_id = co.id AND e.user_id = :user) AS enrolled "
                        + "FROM course_class cl JOIN course co ON co.id = cl.course_id WHERE cl.room_id = :room")
                .bind("room", roomId)
                .bind("user", userId)
                .map(r -> new RoomFacts(r.get("id", UUID.class), ClassStatus.valueOf(r.get("status", String.class)),
                        CourseRepository.instant(r, "scheduled_start"), r.get("name", String.class),
                        r.get("teacher_id", String.class), r.get("enrolled", Boolean.class)))
                .one();
    }

    private static CourseClass courseClass(Readable row) {
        return new CourseClass(row.get("id", UUID.class), row.get("course_id", UUID.class), row.get("room_id", UUID.class),
                row.get("title", String.class), CourseRepository.instant(row, "scheduled_start"),
                row.get("duration_minutes", Integer.class), ClassStatus.valueOf(row.get("status", String.class)),
                CourseRepository.instant(row, "started_at"), CourseRepository.instant(row, "ended_at"),
                row.get("created_by", String.class), CourseRepository.instant(row, "created_at"),
                CourseRepository.instant(row, "updated_at"), row.get("version", Long.class));
    }
}
