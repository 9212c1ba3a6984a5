-- Records of the hub: tenants (municipalities), users, rooms.
CREATE TABLE tenant (
    id           TEXT PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,39}$'),
    name         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenant (id),
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles         TEXT[] NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX app_user_tenant ON app_user (tenant_id);

CREATE TABLE room (
    id           UUID PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenant (id),
    kind         TEXT NOT NULL CHECK (kind IN ('MEETING', 'CONSULTATION', 'CLASS')),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    capacity     INT  NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    status       TEXT NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX room_tenant_created ON room (tenant_id, created_at DESC);

-- Events written in the same transaction as the change they describe; the relay publishes them to Kafka.
CREATE TABLE event_outbox (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID NOT NULL UNIQUE,
    topic        TEXT NOT NULL,
    event_key    TEXT NOT NULL,
    payload      TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX event_outbox_unpublished ON event_outbox (seq) WHERE published_at IS NULL;

-- Room activity projected from the room-events topic; the event id makes applying an event idempotent.
CREATE TABLE room_activity (
    event_id     UUID PRIMARY KEY,
    room_id      UUID NOT NULL,
    tenant_id    TEXT NOT NULL,
    type         TEXT NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    data         TEXT NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX room_activity_room ON room_activity (room_id, occurred_at);
