-- The statutory clocks of each case (approval, whole-process, steps), kept whole as JSON: start,
-- limit, pauses and extensions. `level` is the last SLA level reported, so that a yellow or red
-- card is raised once.
CREATE TABLE case_clock (
    case_number TEXT        NOT NULL REFERENCES case_file (case_number),
    clock       TEXT        NOT NULL,
    state       JSONB       NOT NULL,
    level       TEXT        NOT NULL DEFAULT 'GREEN',
    running     BOOLEAN     NOT NULL DEFAULT true,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (case_number, clock)
);
CREATE INDEX case_clock_running_idx ON case_clock (running) WHERE running;
