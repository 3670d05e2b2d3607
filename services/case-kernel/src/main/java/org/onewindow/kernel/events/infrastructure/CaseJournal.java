package org.onewindow.kernel.events.infrastructure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.events.CaseEventFactory;
import org.onewindow.kernel.security.model.Caller;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Every state change of a case, recorded once: one line in the audit trail (who, role, when, what,
 * why) and, when the change is one other services hear of, one event into the outbox. Call it in
 * the transaction of the change, so the three commit or roll back together.
 */
public final class CaseJournal {

    /** The actor for changes the platform makes itself (a timer, an external system's answer). */
    public static final String SYSTEM = "system";

    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final CaseEventFactory events;
    private final Clock clock;
    private final Supplier<String> traceparent;

    public CaseJournal(AuditTrail audit, ApplicationEventPublisher publisher, CaseEventFactory events, Clock clock) {
        this(audit, publisher, events, clock, () -> null);
    }

    /**
     * @param traceparent the W3C trace context of the work under way (the causing request or job),
     *     carried on each event so a reader can follow a case across services; null when there is none
     */
    public CaseJournal(
            AuditTrail audit,
            ApplicationEventPublisher publisher,
            CaseEventFactory events,
            Clock clock,
            Supplier<String> traceparent) {
        this.audit = audit;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
        this.traceparent = traceparent;
    }

    /** A change made by a person; {@code eventType} null when no event is due. */
    public void record(
            Caller caller,
            String action,
            String caseNumber,
            String jurisdiction,
            String reason,
            String eventType,
            Map<String, Object> data) {
        write(
                caller.username(),
                caller.principalRole().name(),
                action,
                caseNumber,
                jurisdiction,
                reason,
                eventType,
                data);
    }

    /** A change the platform made (no person acted). */
    public void recordBySystem(
            String action, String caseNumber, String jurisdiction, String eventType, Map<String, Object> data) {
        write(SYSTEM, null, action, caseNumber, jurisdiction, null, eventType, data);
    }

    private void write(
            String actor,
            String role,
            String action,
            String caseNumber,
            String jurisdiction,
            String reason,
            String eventType,
            Map<String, Object> data) {
        Map<String, Object> details = data == null ? Map.of() : new LinkedHashMap<>(data);
        audit.record(new AuditEntry(clock.instant(), actor, role, jurisdiction, action, caseNumber, reason, details));
        if (eventType != null) {
            CaseEvent event = events.create(eventType, caseNumber, jurisdiction, details, traceparent.get());
            publisher.publishEvent(event);
        }
    }
}
