package org.onewindow.runtime.step;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;

/**
 * A step the model reached that the applicant should see, with no decision in it (出具模拟审批意见):
 * {@code <camunda:field name="step" stringValue="simulated-approval"/>} and {@code <camunda:field
 * name="result" stringValue="simulatedApprovalOn"/>}. The case keeps the day under {@code result}
 * and case.step-completed is raised, once: a job run again finds the result and does nothing. A
 * prototype bean, like {@link CaseDecision}.
 */
public class CaseMilestone implements JavaDelegate {

    private final CaseFiles cases;
    private final CaseJournal journal;
    private final ZoneId zone;
    private final Clock clock;

    private Expression step;
    private Expression result;

    public CaseMilestone(CaseFiles cases, CaseJournal journal, ZoneId zone, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.zone = zone;
        this.clock = clock;
    }

    public void setStep(Expression step) {
        this.step = step;
    }

    public void setResult(Expression result) {
        this.result = result;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        String key = (String) result.getValue(execution);
        CaseFile file = cases.find(caseNumber)
                .orElseThrow(() -> new IllegalStateException("process of a missing case " + caseNumber));
        if (file.results().containsKey(key)) {
            return;
        }
        cases.addResults(
                caseNumber,
                Map.of(key, clock.instant().atZone(zone).toLocalDate().toString()));
        journal.recordBySystem(
                "case.milestone",
                caseNumber,
                file.jurisdiction(),
                "case.step-completed",
                Map.of(
                        "step",
                        step.getValue(execution).toString(),
                        "outcome",
                        "APPROVED",
                        "completedBy",
                        CaseJournal.SYSTEM));
    }
}
