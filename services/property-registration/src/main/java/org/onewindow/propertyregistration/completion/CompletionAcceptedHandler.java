package org.onewindow.propertyregistration.completion;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.propertyregistration.register.model.CompletionAnnouncement;
import org.onewindow.propertyregistration.register.model.PropertyRegister;
import org.onewindow.propertyregistration.register.model.PropertyUnit;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.MalformedEventData;
import org.onewindow.runtime.workflow.model.CaseWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 交房即办证: construction-permit's construction.completion-accepted makes the project's units ready
 * for first registration, and a first registration applied for together with the acceptance, waiting
 * for it, goes on. Once per event (the runtime's inbox) and once per project: an acceptance announced
 * again (a second event for the same project) is recorded in the audit and changes nothing. An event
 * whose data is unusable goes to the dead-letter topic.
 */
@Component
class CompletionAcceptedHandler implements CaseEventHandler {

    static final String MESSAGE = "completion-accepted";
    private static final Logger log = LoggerFactory.getLogger(CompletionAcceptedHandler.class);

    private final PropertyRegister register;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final Clock clock;

    CompletionAcceptedHandler(PropertyRegister register, CaseWorkflow workflow, AuditTrail audit, Clock clock) {
        this.register = register;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "completion-accepted";
    }

    @Override
    public String topic() {
        return OwningService.CONSTRUCTION_PERMIT.topic();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("construction.completion-accepted");
    }

    @Override
    public void handle(CaseEvent event) {
        CompletionAnnouncement.Result read = CompletionAnnouncement.read(event.data());
        CompletionAnnouncement announced = read.announcement()
                .orElseThrow(() -> new MalformedEventData("construction.completion-accepted " + event.id() + " of "
                        + event.subject() + ": " + String.join("; ", read.defects())));
        Instant now = clock.instant();
        List<PropertyUnit> units = announced.units(event.jurisdiction());
        boolean recorded = register.recordCompleted(
                announced.completed(event.jurisdiction(), event.subject(), event.id(), event.time(), now), units);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", event.id());
        details.put("acceptanceCase", event.subject());
        if (!recorded) {
            log.info(
                    "completion of project {} announced again by {} ({}): already recorded",
                    announced.projectCode(),
                    event.subject(),
                    event.id());
            audit(now, event, "register.completion-repeated", announced.projectCode(), "该项目的竣工验收结果已收到，未重复登记", details);
            return;
        }
        details.put("units", units.size());
        audit(now, event, "register.units-ready", announced.projectCode(), null, details);
        for (String caseNumber : register.casesAwaiting(announced.projectCode())) {
            workflow.deliver(caseNumber, MESSAGE, Map.of("completionAwaited", false));
        }
    }

    private void audit(
            Instant now,
            CaseEvent event,
            String action,
            String projectCode,
            String reason,
            Map<String, Object> details) {
        audit.record(new AuditEntry(
                now, "system:construction-permit", null, event.jurisdiction(), action, projectCode, reason, details));
    }
}
