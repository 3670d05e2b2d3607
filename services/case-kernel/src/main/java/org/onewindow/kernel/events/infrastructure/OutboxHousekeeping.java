package org.onewindow.kernel.events.infrastructure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
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
 * doubled as a matter of course.
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

    public OutboxHousekeeping(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            JdbcClient jdbc,
            Duration redeliverAfter,
            Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.redeliverAfter = redeliverAfter;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(
            initialDelayString = "${onewindow.outbox.redelivery-interval}",
            fixedDelayString = "${onewindow.outbox.redelivery-interval}")
    public void redeliver() {
        long stuck = backlogOlderThan(redeliverAfter);
        if (stuck > 0) {
            log.warn("resubmitting {} event publication(s) incomplete for more than {}", stuck, redeliverAfter);
            incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
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
