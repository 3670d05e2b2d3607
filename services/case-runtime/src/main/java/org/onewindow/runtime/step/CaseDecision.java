package org.onewindow.runtime.step;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.clock.ClockKeeper;

/**
 * 办结 or 不予许可, as the model's own step: {@code <camunda:field name="decision" stringValue="APPROVED"/>}
 * (or DENIED). Approval stops the approval and step clocks (the whole-process clock runs on until
 * delivery); denial stops them all, with the reviewer's or the objection's reason. Either raises
 * case.decided once. A prototype bean: Camunda injects the field into a fresh instance per use.
 */
public class CaseDecision implements JavaDelegate {

    private final CaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final Clock clock;

    private Expression decision;

    public CaseDecision(CaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
        this.clock = clock;
    }

    public void setDecision(Expression decision) {
        this.decision = decision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        boolean approved = "APPROVED".equals(decision.getValue(execution));
        CaseFile file = cases.find(caseNumber)
                .orElseThrow(() -> new IllegalStateException("process of a missing case " + caseNumber));
        if (file.status().decided()) {
            return; // a job run again after its first run committed
        }
        if (!cases.transition(file, approved ? file.approve() : file.deny())) {
            return;
        }
        clocks.stop(
                caseNumber,
                approved ? EnumSet.of(ClockKind.APPROVAL, ClockKind.STEP) : EnumSet.allOf(ClockKind.class),
                clock.instant());
        String reason = approved ? null : reason(execution);
        if (reason != null && !reason.isBlank()) {
            // 不予许可 in writing with the reason (行政许可法 art. 38): the applicant reads it on the case
            cases.addResults(caseNumber, Map.of("denialReason", reason));
        }
        journal.recordBySystem(
                "case.decide",
                caseNumber,
                file.jurisdiction(),
                "case.decided",
                approved ? Map.of("decision", "APPROVED") : Map.of("decision", "DENIED", "reason", reason));
    }

    private static String reason(DelegateExecution execution) {
        Object reason = "UPHELD".equals(execution.getVariable("objectionDecision"))
                ? execution.getVariable("objectionComment")
                : execution.getVariable("reviewComment");
        return reason == null ? "" : reason.toString();
    }
}
