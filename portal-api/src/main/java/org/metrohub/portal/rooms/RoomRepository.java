package org.metrohub.portal.rooms;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Rooms in PostgreSQL. */
@Repository
class RoomRepository {

    private static final String COLUMNS =
            "id, tenant_id, kind, name, description, capacity, status, created_by, created_at, updated_at, version";

    private final DatabaseClient db;

    RoomRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Room> insert(Room room) {
        return db.sql("INSERT INTO room (" + COLUMNS + ") VALUES (:id, :tenant, :kind, :name, :description, :capacity, "
                        + ":status, :createdBy, :createdAt, :updatedAt, :version)")
                .bind("id", room.id())
                .bind("tenant", room.tenant())
                .bind("kind", room.kind().name())
                .bind("name", room.name())
                .bind("description", room.description())
                .bind("capacity", room.capacity())
                .bind("status", room.status().name())
                .bind("createdBy", room.createdBy())
                .bind("createdAt", room.createdAt())
                .bind("updatedAt", room.updatedAt())
                .bind("version", room.version())
                .then()
                .thenReturn(room);
    }

    Mono<Room> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM room WHERE id = :id").bind("id", id).map(RoomRepository::room).one();
    }

    /** Saves a changed room if nobody else changed it since it was read; empty if somebody did. */
    Mono<Room> update(Room room) {
        return db.sql("UPDATE room SET name = :name, description = :description, capacity = :capacity, "
                        + "status = :status, updated_at = :updatedAt, version = version + 1 "
                        + "WHERE id = :id AND version = :version RETURNING " + COLUMNS)
                .bind("id", room.id())
                .bind("name", room.name())
                .bind("description", room.description())
                .bind("capacity", room.capacity())
                .bind("status", room.status().name())
                .bind("updatedAt", room.updatedAt())
                .bind("version", room.version())
                .map(RoomRepository::room)
                .one();
    }

    Mono<RoomPage> list(RoomQuery query) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = :tenant");
        if (query.kind() != null) {
            where.append(" AND kind = :kind");
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
        }
        if (query.nameContains() != null) {
            where.append(" AND name ILIKE :q ESCAPE '\\'");
        }
        Mono<Long> total = bind(db.sql("SELECT count(*) AS n FROM room" + where), query)
                .map(r -> r.get("n", Long.class)).one();
        Mono<List<Room>> items = bind(db.sql("SELECT " + COLUMNS + " FROM room" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"), query)
                .bind("limit", query.size())
                .bind("offset", (long) query.page() * query.size())
                .map(RoomRepository::room)
                .all()
                .collectList();
        return Mono.zip(items, total, (list, n) -> new RoomPage(list, query.page(), query.size(), n));
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, RoomQuery query) {
        spec = spec.bind("tenant", query.tenant());
        if (query.kind() != null) {
            spec = spec.bind("kind", query.kind().name());
        }
        if (query.status() != null) {
            spec = spec.bind("status", query.status().name());
        }
        if (query.nameContains() != null) {
            String escaped = query.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            spec = spec.bind("q", "%" + escaped + "%");
        }
        return spec;
    }

    private static Room room(Readable row) {
        return new Room(row.get("id", UUID.class), row.get("tenant_id", String.class),
                RoomKind.valueOf(row.get("kind", String.class)), row.get("name", String.class),
                row.get("description", String.class), row.get("capacity", Integer.class),
                RoomStatus.valueOf(row.get("status", String.class)), row.get("created_by", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("updated_at", OffsetDateTime.class)),
                row.get("version", Long.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
