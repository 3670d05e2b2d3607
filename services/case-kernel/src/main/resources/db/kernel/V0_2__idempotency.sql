-- Idempotency-Key: the first answer to a caller's key is kept and replayed for a retry with the
-- same body; the same key with another body is a conflict. Written in the transaction that
-- stores the case, so an acknowledged application and its key live or die together.
CREATE TABLE idempotency_key (
    caller        TEXT        NOT NULL,
    key           TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INT         NOT NULL,
    response      JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
