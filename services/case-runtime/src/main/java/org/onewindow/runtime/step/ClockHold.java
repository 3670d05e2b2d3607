package org.onewindow.runtime.step;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.clock.ClockKeeper;

/**
 * 暂停计时 and 恢复计时 where the model, not a person, knows the case waits for someone outside the
 * office (the transferee's tax, 以物抵债): {@code <camunda:field name="hold" stringValue="pause"/>}
 * (or {@code resume}) and {@code <camunda:field name="reason" stringValue="TAX_PAYMENT"/>}. The
 * applicant sees the case suspended for that reason; case.suspended / case.resumed are raised and
 * audited as the system's. Only the clocks paused for this reason resume. A prototype bean, like
 * {@link CaseDecision}.
 */
public class ClockHold implements JavaDelegate {

    private final CaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final Clock clock;

    private Expression hold;
    private Expression reason;

    public ClockHold(CaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
        this.clock = clock;
    }

    public void setHold(Expression hold) {
        this.hold = hold;
    }

    public void setReason(Expression reason) {
        this.reason = reason;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        CaseFile file = cases.find(caseNumber)
                .orElseThrow(() -> new IllegalStateException("process of a missing case " + caseNumber));
        PauseReason why = PauseReason.valueOf(reason.getValue(execution).toString());
        if ("pause".equals(hold.getValue(execution))) {
            if (clocks.pause(caseNumber, why, clock.instant()) > 0) {
                journal.recordBySystem(
                        "case.suspend",
                        caseNumber,
                        file.jurisdiction(),
                        "case.suspended",
                        Map.of("reason", why.name()));
            }
        } else if (clocks.resume(caseNumber, why, clock.instant())) {
            journal.recordBySystem("case.resume", caseNumber, file.jurisdiction(), "case.resumed", Map.of());
        }
    }
}
