-- 督办 and 整改 notices the supervision service sent about a case of this service: shown on the
-- case and on its open tasks. One row per notice event (its id), so a redelivery adds nothing.
CREATE TABLE case_notice (
    event_id     TEXT PRIMARY KEY,
    case_number  TEXT        NOT NULL REFERENCES case_file (case_number),
    kind         TEXT        NOT NULL,
    from_case    TEXT        NOT NULL,
    escalated    BOOLEAN     NOT NULL DEFAULT FALSE,
    respond_by   TIMESTAMPTZ,
    reason       TEXT,
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_notice_case_idx ON case_notice (case_number, received_at);
