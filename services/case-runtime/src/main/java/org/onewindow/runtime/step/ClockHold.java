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
 * applicant's progress shows the wait as a step ({@link #waitingStep}); case.suspended /
 * case.resumed are raised and audited as the system's, even where the matter states no limit and no
 * clock runs, because the case does wait. Only the clocks paused for this reason resume. A
 * prototype bean, like {@link CaseDecision}.
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
        String step = waitingStep(why);
        if ("pause".equals(hold.getValue(execution))) {
            clocks.pause(caseNumber, why, clock.instant());
            cases.stepStarted(caseNumber, step, clock.instant());
            journal.recordBySystem(
                    "case.suspend", caseNumber, file.jurisdiction(), "case.suspended", Map.of("reason", why.name()));
        } else {
            clocks.resume(caseNumber, why, clock.instant());
            cases.stepCompleted(caseNumber, step, null, clock.instant());
            journal.recordBySystem(
                    "case.resume",
                    caseNumber,
                    file.jurisdiction(),
                    "case.resumed",
                    clocks.dueData(caseNumber, file.jurisdiction(), clock.instant()));
        }
    }

    /**
     * The step the applicant's progress shows while the case waits (TAX_PAYMENT: {@code tax-payment}),
     * also where the matter states no limit and so no clock stands still.
     */
    static String waitingStep(PauseReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
