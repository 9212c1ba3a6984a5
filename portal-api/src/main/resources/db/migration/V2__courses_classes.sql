-- Courses, their enrolments and invite links, and their classes (each backed by a room of kind CLASS).
CREATE TABLE course (
    id           UUID PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenant (id),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    teacher_id   TEXT NOT NULL,
    schedule     TEXT NOT NULL DEFAULT '[]', -- JSON: [{"dayOfWeek","start":"HH:mm","durationMinutes","zone"}]
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX course_tenant_teacher ON course (tenant_id, teacher_id);

-- A student in a course. Name and user name are copied in, so users of an external issuer (who have no
-- app_user row) can be listed too.
CREATE TABLE course_enrolment (
    course_id    UUID NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    username     TEXT NOT NULL,
    display_name TEXT NOT NULL,
    via          TEXT NOT NULL CHECK (via IN ('TEACHER', 'INVITE')),
    enrolled_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (course_id, user_id)
);
CREATE INDEX course_enrolment_user ON course_enrolment (user_id);

-- Invite links: only the SHA-256 of the token is kept.
CREATE TABLE course_invite (
    id           UUID PRIMARY KEY,
    course_id    UUID NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL CHECK (expires_at > created_at),
    max_uses     INT CHECK (max_uses > 0),
    uses         INT NOT NULL DEFAULT 0 CHECK (uses >= 0),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX course_invite_course ON course_invite (course_id, created_at DESC);

CREATE TABLE course_class (
    id               UUID PRIMARY KEY,
    course_id        UUID NOT NULL REFERENCES course (id),
    room_id          UUID NOT NULL UNIQUE REFERENCES room (id),
    title            TEXT NOT NULL,
    scheduled_start  TIMESTAMPTZ NOT NULL,
    duration_minutes INT NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    status           TEXT NOT NULL CHECK (status IN ('SCHEDULED', 'LIVE', 'ENDED')),
    started_at       TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    created_by       TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX course_class_course ON course_class (course_id, scheduled_start);
