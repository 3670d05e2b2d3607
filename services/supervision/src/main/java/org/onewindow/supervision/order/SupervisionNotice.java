package org.onewindow.supervision.order;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.SupervisionNotices;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.springframework.stereotype.Component;

/**
 * 发出督办通知 / 整改通知: tells the supervised case's service, as an event on this service's topic,
 * which case, what kind of notice and by when the order wants an answer (the order's own due date).
 * That service keeps it with the case and shows it on the case and its tasks.
 */
@Component("supervisionNotice")
class SupervisionNotice implements JavaDelegate {

    private final CaseFiles cases;
    private final CaseJournal journal;
    private final ZoneId zone;

    SupervisionNotice(CaseFiles cases, CaseJournal journal, PromisedDates dates) {
        this.cases = cases;
        this.journal = journal;
        this.zone = dates.zone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        CaseFile order =
                cases.find(caseNumber).orElseThrow(() -> new IllegalStateException("no order case " + caseNumber));
        boolean rectification =
                "rectification".equals(execution.getProcessDefinitionId().split(":")[0]);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("supervisedCase", execution.getVariable("supervisedCase"));
        data.put("supervisedService", execution.getVariable("supervisedService"));
        data.put("kind", rectification ? "RECTIFICATION" : "SUPERVISION_ORDER");
        data.put("matterCode", order.matterCode());
        data.put("escalated", Boolean.TRUE.equals(execution.getVariable("escalated")));
        if (order.dueAt() != null) {
            data.put("respondBy", order.dueAt().atZone(zone).toOffsetDateTime().toString());
        }
        journal.recordBySystem(
                "supervision.notify", order.caseNumber(), order.jurisdiction(), SupervisionNotices.TYPE, data);
    }
}
