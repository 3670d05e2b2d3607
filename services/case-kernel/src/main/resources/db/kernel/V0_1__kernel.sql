-- Kernel tables every OneWindow service database has. Runs as the owner role; the service
-- connects as ${app_role}, which gets data rights but never DDL.

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- Append-only audit trail: who, in which role, when, did what to which subject, and why.
CREATE TABLE audit_trail (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    role         TEXT,
    jurisdiction TEXT,
    action       TEXT        NOT NULL,
    subject      TEXT,
    reason       TEXT,
    details      JSONB       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_trail_subject_idx ON audit_trail (subject, id);
-- The application may add to the trail and read it, never change or remove a line.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_trail FROM ${app_role};

-- Case-number counters: one row per jurisdiction, service and day.
CREATE TABLE case_number_counter (
    jurisdiction TEXT   NOT NULL,
    service      TEXT   NOT NULL,
    day          DATE   NOT NULL,
    last_value   BIGINT NOT NULL,
    PRIMARY KEY (jurisdiction, service, day)
);

-- Inbox: the events each consumer has handled, so that redeliveries are skipped.
CREATE TABLE inbox (
    consumer    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    subject     TEXT,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Spring Modulith's event publication log (its schema-postgresql.sql for 1.4): the outbox.
CREATE TABLE event_publication (
    id               UUID                     NOT NULL,
    listener_id      TEXT                     NOT NULL,
    event_type       TEXT                     NOT NULL,
    serialized_event TEXT                     NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
