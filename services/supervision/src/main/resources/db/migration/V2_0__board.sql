-- 督查看板: one line per case of every service, built from their case events alone.
CREATE TABLE board_case (
    case_number    TEXT PRIMARY KEY,
    service        TEXT        NOT NULL,
    jurisdiction   TEXT        NOT NULL,
    matter_code    TEXT,
    department     TEXT,
    channel        TEXT,
    applicant_type TEXT,
    applicant_id   TEXT,
    status         TEXT        NOT NULL,
    accepted_at    TIMESTAMPTZ,
    due_at         TIMESTAMPTZ,
    suspended      BOOLEAN     NOT NULL DEFAULT FALSE,
    level          TEXT        NOT NULL,
    decided_at     TIMESTAMPTZ,
    on_time        BOOLEAN,
    score          SMALLINT CHECK (score BETWEEN 1 AND 5),
    overdue_since  TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL
);
-- the board's counts and lists: open cases of a jurisdiction
CREATE INDEX board_case_open_idx ON board_case (jurisdiction, service, level) WHERE status = 'IN_PROGRESS';
-- the overdue scan: running cases not yet red, by due date
CREATE INDEX board_case_due_idx ON board_case (due_at)
    WHERE status = 'IN_PROGRESS' AND NOT suspended AND level <> 'RED' AND due_at IS NOT NULL;
-- share within the promise over a period
CREATE INDEX board_case_decided_idx ON board_case (jurisdiction, decided_at) WHERE decided_at IS NOT NULL;
-- one search across services: an applicant's cases, a jurisdiction's newest first
CREATE INDEX board_case_applicant_idx ON board_case (applicant_id, accepted_at DESC);
CREATE INDEX board_case_accepted_idx ON board_case (jurisdiction, accepted_at DESC);
