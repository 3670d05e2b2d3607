-- The cases of the enterprise-opening service. The application as submitted is kept whole
-- (JSONB); what the service queries on has columns of its own.
CREATE TABLE case_file (
    case_number          TEXT PRIMARY KEY,
    jurisdiction         TEXT        NOT NULL,
    matter_code          TEXT        NOT NULL,
    catalogue_version    TEXT        NOT NULL,
    channel              TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    outcome              TEXT        NOT NULL,
    applicant_type       TEXT        NOT NULL,
    applicant_name       TEXT        NOT NULL,
    applicant_uscc       TEXT,
    applicant_subject    TEXT,
    submitted_by         TEXT        NOT NULL,
    accepted_at          TIMESTAMPTZ NOT NULL,
    due_at               TIMESTAMPTZ,
    whole_process_due_at TIMESTAMPTZ,
    calendar_known       BOOLEAN     NOT NULL,
    supplement_due_at    TIMESTAMPTZ,
    owed_materials       JSONB       NOT NULL DEFAULT '[]'::jsonb,
    application          JSONB       NOT NULL,
    issued_uscc          TEXT,
    delivered_at         TIMESTAMPTZ,
    rating               INT CHECK (rating BETWEEN 1 AND 5),
    rating_comment       TEXT,
    rated_at             TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_file_jurisdiction_status_idx ON case_file (jurisdiction, status);
CREATE INDEX case_file_applicant_idx ON case_file (applicant_subject);
CREATE INDEX case_file_uscc_idx ON case_file (applicant_uscc);

-- 物流式 progress: one row per component of the bundle (营业执照, 印章, 涉税 …).
CREATE TABLE case_step (
    case_number  TEXT        NOT NULL REFERENCES case_file (case_number),
    step         TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    reference    TEXT,
    PRIMARY KEY (case_number, step)
);
