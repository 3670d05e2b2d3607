-- IdempotencyHousekeeping deletes the keys older than onewindow.idempotency.keep, oldest first.
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
