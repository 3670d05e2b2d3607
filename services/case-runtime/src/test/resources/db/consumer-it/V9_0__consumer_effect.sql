-- The effect of the consumer integration test's handlers: one row per handler run that committed.
-- No key on purpose: an event handled twice would show as two rows.
CREATE TABLE consumer_effect (
    consumer    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    attempt     INT         NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
