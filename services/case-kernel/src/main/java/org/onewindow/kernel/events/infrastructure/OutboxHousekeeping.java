package org.onewindow.kernel.events.infrastructure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the outbox (Spring Modulith's event publication log) moving and visible.
 *
 * <p>补发: Modulith relays an event once after the commit and again only when the service
 * restarts. A service that stays up through a Kafka outage would keep the events that failed
 * meanwhile until its next restart, so publications still incomplete after {@code redeliverAfter}
 * are resubmitted on a schedule. A resubmitted event can reach Kafka twice (the first send may
 * still land); consumers deduplicate by event id ({@link Inbox}). {@code redeliverAfter} is set
 * above the producer's delivery time-out so that a send still in the producer's buffer is not
 * doubled as a matter of course. A round resubmits only once the previous round's resubmissions
 * have all been handed to the producer: while Kafka is away each send blocks the outbox thread,
 * and resubmitting every interval regardless queued each stuck event again per round of the outage
 * (13,206 extra copies in a 101 s outage, docs/reliability.md). A marker queued behind a round's
 * resubmissions on the same single thread says when they have been.
 *
 * <p>Completed publications are kept for {@code keepCompleted} (for audit of the relay) and then
 * removed. The backlog (incomplete publications) is the gauge {@code onewindow.outbox.backlog}.
 */
public class OutboxHousekeeping implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final Duration redeliverAfter;
    private final Duration keepCompleted;
    private final Executor outboxThread;
    private final AtomicBoolean previousRoundHandedOff = new AtomicBoolean(true);

    /**
     * @param outboxThread the single thread on which Modulith's listener hands events to Kafka, in
     *     the order they were submitted
     */
    public OutboxHousekeeping(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            JdbcClient jdbc,
            Duration redeliverAfter,
            Duration keepCompleted,
            Executor outboxThread) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.redeliverAfter = redeliverAfter;
        this.keepCompleted = keepCompleted;
        this.outboxThread = outboxThread;
    }

    @Scheduled(
            initialDelayString = "${onewindow.outbox.redelivery-interval}",
            fixedDelayString = "${onewindow.outbox.redelivery-interval}")
    public void redeliver() {
        if (!previousRoundHandedOff.get()) {
            log.info("the previous round's resubmissions are still queued for the outbox thread; this round waits");
            return;
        }
        long stuck = backlogOlderThan(redeliverAfter);
        if (stuck > 0) {
            log.warn("resubmitting {} event publication(s) incomplete for more than {}", stuck, redeliverAfter);
            previousRoundHandedOff.set(false);
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
            } finally {
                // also after a failed round (the database away): redelivery must not stop for good
                outboxThread.execute(() -> previousRoundHandedOff.set(true));
            }
        }
    }

    @Scheduled(
            initialDelayString = "${onewindow.outbox.purge-interval}",
            fixedDelayString = "${onewindow.outbox.purge-interval}")
    public void purgeCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }

    /** Incomplete publications: the events committed with their change but not yet on Kafka. */
    public long backlog() {
        return backlogOlderThan(Duration.ZERO);
    }

    private long backlogOlderThan(Duration age) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                        + " AND publication_date <= now() - make_interval(secs => :secs)")
                .param("secs", (double) age.toMillis() / 1000)
                .query(Long.class)
                .single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("onewindow.outbox.backlog", this, OutboxHousekeeping::backlog)
                .description("case events committed but not yet relayed to Kafka")
                .register(registry);
    }
}
