package org.onewindow.runtime.step;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.events.infrastructure.CaseJournal;

/**
 * 好差评: once the result is delivered, one invitation to rate the service (一事一评). The
 * invitation itself is the audit line; the rating arrives through the case API.
 */
public class RatingInvitation implements JavaDelegate {

    private final CaseJournal journal;

    public RatingInvitation(CaseJournal journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        journal.recordBySystem(
                "rating.invite",
                (String) execution.getVariable("caseNumber"),
                (String) execution.getVariable("jurisdiction"),
                null,
                Map.of("scores", "1-5"));
    }
}
