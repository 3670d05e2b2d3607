package org.onewindow.enterpriseopening.bundle;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.enterpriseopening.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.enterpriseopening.casefile.model.CaseStatus;
import org.onewindow.enterpriseopening.clock.ClockKeeper;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.springframework.stereotype.Component;

/**
 * 办结 (approved): the model's own step once everything the matter needs is registered. Stops the
 * approval and step clocks (the whole-process clock runs on until delivery) and raises case.decided.
 */
@Component("caseApproval")
class CaseApproval implements JavaDelegate {

    private final JdbcCaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final Clock clock;

    CaseApproval(JdbcCaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        String jurisdiction = (String) execution.getVariable("jurisdiction");
        if (cases.transition(caseNumber, CaseStatus.IN_PROGRESS, CaseStatus.APPROVED)) {
            clocks.stop(caseNumber, Set.of(ClockKind.APPROVAL, ClockKind.STEP), clock.instant());
            journal.recordBySystem(
                    "case.decide", caseNumber, jurisdiction, "case.decided", Map.of("decision", "APPROVED"));
        }
    }
}
