package org.onewindow.enterpriseopening.bundle;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.enterpriseopening.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.enterpriseopening.casefile.model.CaseStatus;
import org.onewindow.enterpriseopening.clock.ClockKeeper;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.springframework.stereotype.Component;

/** 不予许可: the licence review refused the application; the case ends denied, with the reviewer's reason. */
@Component("caseDenial")
class CaseDenial implements JavaDelegate {

    private final JdbcCaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final Clock clock;

    CaseDenial(JdbcCaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        String jurisdiction = (String) execution.getVariable("jurisdiction");
        Object reason = "UPHELD".equals(execution.getVariable("objectionDecision"))
                ? execution.getVariable("objectionComment")
                : execution.getVariable("reviewComment");
        if (cases.transition(caseNumber, CaseStatus.IN_PROGRESS, CaseStatus.DENIED)) {
            clocks.stop(caseNumber, EnumSet.allOf(ClockKind.class), clock.instant());
            journal.recordBySystem(
                    "case.decide",
                    caseNumber,
                    jurisdiction,
                    "case.decided",
                    Map.of("decision", "DENIED", "reason", reason == null ? "" : reason.toString()));
        }
    }
}
