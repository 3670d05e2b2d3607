package org.onewindow.kernel.idempotency.infrastructure;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets Idempotency-Keys older than {@code keep}. A key protects a caller's retries of one
 * request, which come within minutes (a clerk's client, the harness: ten); kept for ever they were
 * a row per application, read by every intake's primary-key lookup. Deleted in small batches so
 * that no intake waits behind one long delete.
 */
public class IdempotencyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);
    public static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Duration keep;

    public IdempotencyHousekeeping(JdbcClient jdbc, Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Scheduled(
            initialDelayString = "${onewindow.idempotency.purge-interval}",
            fixedDelayString = "${onewindow.idempotency.purge-interval}")
    public void purgeExpired() {
        long purged = 0;
        int batch;
        do {
            batch = jdbc.sql("DELETE FROM idempotency_key WHERE ctid = ANY (ARRAY("
                            + "SELECT ctid FROM idempotency_key"
                            + " WHERE created_at < now() - make_interval(secs => :secs) LIMIT :batch))")
                    .param("secs", (double) keep.toSeconds())
                    .param("batch", BATCH)
                    .update();
            purged += batch;
        } while (batch == BATCH);
        if (purged > 0) {
            log.info("forgot {} Idempotency-Key(s) older than {}", purged, keep);
        }
    }
}
