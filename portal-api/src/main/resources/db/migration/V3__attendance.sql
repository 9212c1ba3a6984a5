-- Attendance per room, projected from participant and room events by the attendance projector (consumer group
-- metrohub-attendance). Rooms back classes, so a class's attendance is its room's.

-- Every event applied, once: the event id is the key, so a replayed event changes nothing. seq is the arrival
-- order, which breaks ties between events of the same instant.
CREATE TABLE attendance_event (
    event_id     UUID PRIMARY KEY,
    seq          BIGSERIAL NOT NULL,
    room_id      UUID NOT NULL,
    tenant_id    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('JOIN', 'LEAVE', 'ROOM_CLOSED')),
    user_id      TEXT CHECK ((kind = 'ROOM_CLOSED') = (user_id IS NULL)),
    occurred_at  TIMESTAMPTZ NOT NULL,
    display_name TEXT,
    role         TEXT,
    applied_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX attendance_event_room_user ON attendance_event (room_id, user_id);

-- One row per room with attendance: locked (FOR UPDATE) while one of its events is applied, so the room's
-- rows are rewritten by one transaction at a time; holds the room's close.
CREATE TABLE attendance_room (
    room_id        UUID PRIMARY KEY,
    tenant_id      TEXT NOT NULL,
    closed_at      TIMESTAMPTZ,
    close_event_id UUID
);

-- Per room and participant, recomputed from all their events whenever one of them (or the room's close) arrives.
CREATE TABLE attendance (
    room_id       UUID NOT NULL,
    user_id       TEXT NOT NULL,
    tenant_id     TEXT NOT NULL,
    display_name  TEXT,
    role          TEXT,
    first_join    TIMESTAMPTZ,
    last_leave    TIMESTAMPTZ,
    closed_ms     BIGINT NOT NULL CHECK (closed_ms >= 0),
    joins         INT NOT NULL CHECK (joins >= 0),
    present_since TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX attendance_user ON attendance (user_id, tenant_id);

-- Each stretch of presence, with the events that began and ended it (end_event_id: a leave or the room's close).
CREATE TABLE attendance_interval (
    join_event_id UUID PRIMARY KEY,
    room_id       UUID NOT NULL,
    user_id       TEXT NOT NULL,
    joined_at     TIMESTAMPTZ NOT NULL,
    left_at       TIMESTAMPTZ,
    end_event_id  UUID,
    ended_by      TEXT CHECK (ended_by IN ('LEAVE', 'ROOM_CLOSED')),
    CHECK ((left_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX attendance_interval_room_user ON attendance_interval (room_id, user_id, joined_at);
