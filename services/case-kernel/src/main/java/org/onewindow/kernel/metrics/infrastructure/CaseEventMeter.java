package org.onewindow.kernel.metrics.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.onewindow.kernel.events.CaseEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's business metrics, counted from the case events a service commits (so a change that
 * rolls back is not counted): every event by type and jurisdiction (受理, 黄牌, 红牌, 办结 …), the
 * accepted cases also by matter and channel, and how long a step took where its event says when
 * it began. Tags stay few and bounded: no case number, applicant or user ever becomes a tag.
 */
public class CaseEventMeter {

    private final MeterRegistry registry;

    public CaseEventMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counted once the change commits. Not a {@code @TransactionalEventListener}: Spring Modulith
     * keeps a publication row for each of those, which would double the outbox's writes per event.
     */
    @EventListener
    public void published(CaseEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    on(event);
                }
            });
        } else {
            on(event);
        }
    }

    /** Counts one committed event. */
    public void on(CaseEvent event) {
        String jurisdiction = event.jurisdiction() == null ? "-" : event.jurisdiction();
        Counter.builder("onewindow.case.events")
                .description("Case events committed, by type (case.accepted, case.sla-warning, case.sla-breached …)")
                .tag("type", event.type())
                .tag("jurisdiction", jurisdiction)
                .register(registry)
                .increment();
        if ("case.accepted".equals(event.type())) {
            Counter.builder("onewindow.cases.accepted")
                    .description("Cases accepted (受理), by matter and channel")
                    .tag("jurisdiction", jurisdiction)
                    .tag("matter", text(event, "matterCode"))
                    .tag("channel", text(event, "channel"))
                    .register(registry)
                    .increment();
        }
        if ("case.step-completed".equals(event.type()) && event.data().get("startedAt") instanceof String began) {
            took(began, event.time()).ifPresent(d -> Timer.builder("onewindow.step.duration")
                    .description("From a step's task being created to its completion")
                    .tag("step", text(event, "step"))
                    .tag("jurisdiction", jurisdiction)
                    .register(registry)
                    .record(d));
        }
    }

    private static String text(CaseEvent event, String field) {
        Object value = event.data().get(field);
        return value == null ? "-" : value.toString();
    }

    private static Optional<Duration> took(String began, Instant done) {
        try {
            Duration d = Duration.between(Instant.parse(began), done);
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
