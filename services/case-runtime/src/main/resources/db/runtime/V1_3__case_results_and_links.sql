-- The case runtime's generic case file: results by name instead of enterprise-only columns, the
-- owning department, the event that opened a case no person applied for, and links between cases.
ALTER TABLE case_file ADD COLUMN results JSONB NOT NULL DEFAULT '{}'::jsonb;
UPDATE case_file SET results = jsonb_build_object('uscc', issued_uscc) WHERE issued_uscc IS NOT NULL;
ALTER TABLE case_file DROP COLUMN issued_uscc;
ALTER TABLE case_file ADD COLUMN department TEXT;
ALTER TABLE case_file ADD COLUMN caused_by TEXT;
CREATE UNIQUE INDEX case_file_caused_by_idx ON case_file (caused_by, matter_code) WHERE caused_by IS NOT NULL;

-- Joint applications and their component cases (联合报装), chains (一链办理): both directions.
CREATE TABLE case_link (
    case_number TEXT NOT NULL REFERENCES case_file (case_number),
    other_case  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    PRIMARY KEY (case_number, other_case)
);

-- The SLA scan walks the running clocks in key order (it used to re-read the oldest 200).
DROP INDEX case_clock_running_idx;
CREATE INDEX case_clock_running_idx ON case_clock (case_number, clock) WHERE running;
