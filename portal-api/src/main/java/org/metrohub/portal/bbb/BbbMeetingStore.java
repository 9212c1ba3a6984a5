package org.metrohub.portal.bbb;

import io.r2dbc.spi.Readable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bbb_meeting} in PostgreSQL. Inserting and replacing are conditional, so two instances (or two LMS
 * requests) creating the same meeting at once agree on one room: the loser learns it wrote nothing.
 */
@Repository
class BbbMeetingStore {

    private static final String COLUMNS = "tenant_id, meeting_id, room_id, name, attendee_pw, moderator_pw, create_time, "
            + "voice_bridge, dial_number, duration, max_users, record, meta, start_time, end_time, ended";
    private static final TypeReference<LinkedHashMap<String, String>> META = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    BbbMeetingStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<StoredMeeting> find(String tenant, String meetingId) {
        return db.sql("SELECT " + COLUMNS + " FROM bbb_meeting WHERE tenant_id = :t AND meeting_id = :m")
                .bind("t", tenant).bind("m", meetingId)
                .map(this::meeting)
                .one();
    }

    Flux<StoredMeeting> list(String tenant) {
        return db.sql("SELECT " + COLUMNS + " FROM bbb_meeting WHERE tenant_id = :t ORDER BY create_time")
                .bind("t", tenant)
                .map(this::meeting)
                .all();
    }

    /** Inserts a new meeting; false when one with this id exists already. */
    Mono<Boolean> insert(StoredMeeting m) {
        return bindAll(db.sql("INSERT INTO bbb_meeting (" + COLUMNS + ") VALUES (:t, :m, :room, :name, :apw, :mpw, "
                + ":created, :voice, :dial, :duration, :max, :record, :meta, 0, 0, false) "
                + "ON CONFLICT (tenant_id, meeting_id) DO NOTHING"), m)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Replaces the ended meeting of this id that was on {@code previousRoom}; false when someone else did first. */
    Mono<Boolean> replace(StoredMeeting m, UUID previousRoom) {
        return bindAll(db.sql("UPDATE bbb_meeting SET room_id = :room, name = :name, attendee_pw = :apw, "
                + "moderator_pw = :mpw, create_time = :created, voice_bridge = :voice, dial_number = :dial, "
                + "duration = :duration, max_users = :max, record = :record, meta = :meta, start_time = 0, "
                + "end_time = 0, ended = false WHERE tenant_id = :t AND meeting_id = :m AND room_id = :previous"), m)
                .bind("previous", previousRoom)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Notes the first join; later ones leave it. */
    Mono<Void> markStarted(String tenant, String meetingId, UUID roomId, long now) {
        return db.sql("UPDATE bbb_meeting SET start_time = :now WHERE tenant_id = :t AND meeting_id = :m "
                        + "AND room_id = :room AND start_time = 0")
                .bind("now", now).bind("t", tenant).bind("m", meetingId).bind("room", roomId)
                .then();
    }

    Mono<Void> markEnded(String tenant, String meetingId, UUID roomId, long now) {
        return db.sql("UPDATE bbb_meeting SET ended = true, end_time = :now WHERE tenant_id = :t AND meeting_id = :m "
                        + "AND room_id = :room AND NOT ended")
                .bind("now", now).bind("t", tenant).bind("m", meetingId).bind("room", roomId)
                .then();
    }

    private DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec sql, StoredMeeting m) {
        return sql.bind("t", m.tenant())
                .bind("m", m.meetingId())
                .bind("room", m.roomId())
                .bind("name", m.name())
                .bind("apw", m.attendeePw())
                .bind("mpw", m.moderatorPw())
                .bind("created", m.createTime())
                .bind("voice", m.voiceBridge())
                .bind("dial", m.dialNumber())
                .bind("duration", m.duration())
                .bind("max", m.maxUsers())
                .bind("record", m.record())
                .bind("meta", json.writeValueAsString(m.meta()));
    }

    private StoredMeeting meeting(Readable row) {
        Map<String, String> meta = json.readValue(row.get("meta", String.class), META);
        return new StoredMeeting(row.get("tenant_id", String.class), row.get("meeting_id", String.class),
                row.get("room_id", UUID.class), row.get("name", String.class), row.get("attendee_pw", String.class),
                row.get("moderator_pw", String.class), row.get("create_time", Long.class),
                row.get("voice_bridge", String.class), row.get("dial_number", String.class),
                row.get("duration", Integer.class), row.get("max_users", Integer.class),
                row.get("record", Boolean.class), meta, row.get("start_time", Long.class),
                row.get("end_time", Long.class), row.get("ended", Boolean.class));
    }
}
