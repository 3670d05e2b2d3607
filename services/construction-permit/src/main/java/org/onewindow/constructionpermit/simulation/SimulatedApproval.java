package org.onewindow.constructionpermit.simulation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.springframework.stereotype.Component;

/**
 * 出具模拟审批意见 (CP-19, the model's {@code simulated-approval-issued}): the project may prepare on
 * the simulated approval while its formalities are owed; the case keeps the day it was given and
 * the applicant sees it as a completed step. The formal decision comes later, at once, when the
 * formalities are in. Once per case, like every step a job may run again.
 */
@Component("simulatedApproval")
class SimulatedApproval implements JavaDelegate {

    static final String RESULT = "simulatedApprovalOn";

    private final CaseFiles cases;
    private final CaseJournal journal;
    private final ZoneId zone;
    private final Clock clock;

    SimulatedApproval(CaseFiles cases, CaseJournal journal, PromisedDates dates, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.zone = dates.zone();
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        CaseFile file = cases.find(caseNumber).orElseThrow();
        if (file.results().containsKey(RESULT)) {
            return;
        }
        String issuedOn = clock.instant().atZone(zone).toLocalDate().toString();
        cases.addResults(caseNumber, Map.of(RESULT, issuedOn));
        journal.recordBySystem(
                "construction.simulate",
                caseNumber,
                file.jurisdiction(),
                "case.step-completed",
                Map.of("step", "simulated-approval", "outcome", "APPROVED", "completedBy", CaseJournal.SYSTEM));
    }
}
