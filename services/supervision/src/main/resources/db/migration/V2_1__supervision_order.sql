-- 督办 and 整改 the service opened, one per cause (breach:<case>, rating:<case>): the board can be
-- rebuilt without opening any twice, and the escalation rule counts a department's orders per month.
CREATE TABLE supervision_order (
    cause           TEXT PRIMARY KEY,
    kind            TEXT        NOT NULL,
    supervised_case TEXT        NOT NULL,
    order_case      TEXT        NOT NULL,
    jurisdiction    TEXT        NOT NULL,
    department      TEXT        NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX supervision_order_month_idx ON supervision_order (jurisdiction, department, kind, opened_at);
-- the 督办 scan: running breached cases
CREATE INDEX board_case_red_idx ON board_case (due_at) WHERE status = 'IN_PROGRESS' AND level = 'RED';
