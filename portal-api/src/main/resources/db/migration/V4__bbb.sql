-- Meetings of the BigBlueButton-compatible API: the LMS's meeting id mapped to the MetroHub room behind it.
-- The passwords are kept as the LMS sent them or as generated: join compares them and getMeetingInfo shows them.
-- An ended meeting stays until a create with the same id replaces it with a new room.
CREATE TABLE bbb_meeting (
    tenant_id     TEXT    NOT NULL REFERENCES tenant (id),
    meeting_id    TEXT    NOT NULL,
    room_id       UUID    NOT NULL REFERENCES room (id),
    name          TEXT    NOT NULL,
    attendee_pw   TEXT    NOT NULL,
    moderator_pw  TEXT    NOT NULL,
    create_time   BIGINT  NOT NULL,
    voice_bridge  TEXT    NOT NULL,
    dial_number   TEXT    NOT NULL,
    duration      INT     NOT NULL,
    max_users     INT     NOT NULL,
    record        BOOLEAN NOT NULL,
    meta          TEXT    NOT NULL,
    start_time    BIGINT  NOT NULL DEFAULT 0,
    end_time      BIGINT  NOT NULL DEFAULT 0,
    ended         BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, meeting_id)
);
CREATE UNIQUE INDEX bbb_meeting_room ON bbb_meeting (room_id);
