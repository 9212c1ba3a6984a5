package org.metrohub.portal.classes;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.metrohub.elearning.course.InviteLink;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Invite links in PostgreSQL, found by the SHA-256 of their token. */
@Repository
class InviteRepository {

    private static final String COLUMNS =
            "id, course_id, token_hash, created_by, created_at, expires_at, max_uses, uses, revoked_at";

    /** A stored link. */
    record StoredInvite(UUID id, UUID courseId, String tokenHash, String createdBy, InviteLink link) {
    }

    private final DatabaseClient db;

    InviteRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StoredInvite> insert(StoredInvite invite) {
        InviteLink link = invite.link();
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO course_invite (" + COLUMNS + ") VALUES (:id, "
                        + ":course, :hash, :createdBy, :createdAt, :expiresAt, :maxUses, :uses, :revokedAt)")
                .bind("id", invite.id())
                .bind("course", invite.courseId())
                .bind("hash", invite.tokenHash())
                .bind("createdBy", invite.createdBy())
                .bind("createdAt", link.createdAt())
                .bind("expiresAt", link.expiresAt())
                .bind("uses", link.uses());
        spec = link.maxUses() == null ? spec.bindNull("maxUses", Integer.class) : spec.bind("maxUses", link.maxUses());
        spec = link.revokedAt() == null ? spec.bindNull("revokedAt", Instant.class) : spec.bind("revokedAt", link.revokedAt());
        return spec.then().thenReturn(invite);
    }

    Mono<StoredInvite> findByHash(String tokenHash) {
        return db.sql("SELECT " + COLUMNS + " FROM course_invite WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(InviteRepository::invite)
                .one();
    }

    Mono<List<StoredInvite>> list(UUID courseId) {
        return db.sql("SELECT " + COLUMNS + " FROM course_invite WHERE course_id = :course ORDER BY created_at DESC, id")
                .bind("course", courseId)
                .map(InviteRepository::invite)
                .all()
                .collectList();
    }

    /**
     * Counts one acceptance if the link still takes one at {@code now} (not revoked, not expired, uses left),
     * in one statement so that two students racing for the last use cannot both get it; empty if it does not.
     */
    Mono<StoredInvite> consume(UUID id, Instant now) {
        return db.sql("UPDATE course_invite SET uses = uses + 1 WHERE id = :id AND revoked_at IS NULL "
                        + "AND expires_at > :now AND (max_uses IS NULL OR uses < max_uses) RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("now", now)
                .map(InviteRepository::invite)
                .one();
    }

    /** Revokes a link of the course; empty when it has none of that id or it was revoked already. */
    Mono<StoredInvite> revoke(UUID courseId, UUID id, Instant now) {
        return db.sql("UPDATE course_invite SET revoked_at = :now WHERE id = :id AND course_id = :course "
                        + "AND revoked_at IS NULL RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("course", courseId)
                .bind("now", now)
                .map(InviteRepository::invite)
                .one();
    }

    private static StoredInvite invite(Readable row) {
        InviteLink link = new InviteLink(CourseRepository.instant(row, "created_at"),
                CourseRepository.instant(row, "expires_at"), row.get("max_uses", Integer.class),
                row.get("uses", Integer.class), CourseRepository.instant(row, "revoked_at"));
        return new StoredInvite(row.get("id", UUID.class), row.get("course_id", UUID.class),
                row.get("token_hash", String.class), row.get("created_by", String.class), link);
    }
}
