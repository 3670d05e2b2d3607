package org.onewindow.runtime.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseNotice;
import org.onewindow.runtime.casefile.model.CaseNotices;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.MalformedEventData;

/**
 * 督办 and 整改 notices from the supervision service onto this service's cases: kept with the case
 * (shown on it and on its open tasks) and written to its audit trail. A notice about another
 * service's case is not ours; one naming a case this service does not have goes to the dead-letter
 * topic, where someone can see the supervision service pointed at nothing.
 */
public class SupervisionNotices implements CaseEventHandler {

    public static final String TYPE = "supervision.notice-sent";

    private final OwningService service;
    private final CaseFiles cases;
    private final CaseNotices notices;
    private final CaseJournal journal;
    private final Clock clock;

    public SupervisionNotices(
            OwningService service, CaseFiles cases, CaseNotices notices, CaseJournal journal, Clock clock) {
        this.service = service;
        this.cases = cases;
        this.notices = notices;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "supervision-notices";
    }

    @Override
    public String topic() {
        return OwningService.SUPERVISION.topic();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(TYPE);
    }

    @Override
    public void handle(CaseEvent event) {
        Map<String, Object> data = event.data();
        if (!service.id().equals(text(data, "supervisedService"))) {
            return;
        }
        String caseNumber = required(data, "supervisedCase");
        CaseFile file = cases.find(caseNumber)
                .orElseThrow(() -> new MalformedEventData(
                        "a notice about " + caseNumber + ", which " + service.id() + " does not have"));
        CaseNotice.Kind kind;
        try {
            kind = CaseNotice.Kind.valueOf(required(data, "kind"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventData("a notice of unknown kind " + data.get("kind"));
        }
        CaseNotice notice = new CaseNotice(
                event.id(),
                file.caseNumber(),
                kind,
                event.subject(),
                Boolean.TRUE.equals(data.get("escalated")),
                instant(data, "respondBy"),
                text(data, "reason"),
                clock.instant());
        if (notices.add(notice)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", kind.name());
            details.put("fromCase", event.subject());
            details.put("escalated", notice.escalated());
            if (notice.respondBy() != null) {
                details.put("respondBy", notice.respondBy().toString());
            }
            journal.recordBySystem(
                    kind == CaseNotice.Kind.SUPERVISION_ORDER ? "case.supervision-order" : "case.rectification-notice",
                    file.caseNumber(),
                    file.jurisdiction(),
                    null,
                    details);
        }
    }

    private static String required(Map<String, Object> data, String key) {
        String value = text(data, key);
        if (value == null || value.isBlank()) {
            throw new MalformedEventData(TYPE + " without " + key);
        }
        return value;
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    private static Instant instant(Map<String, Object> data, String key) {
        String value = text(data, key);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventData(key + " is not a date-time: " + value);
        }
    }
}
