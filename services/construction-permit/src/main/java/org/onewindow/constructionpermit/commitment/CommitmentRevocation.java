package org.onewindow.constructionpermit.commitment;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.springframework.stereotype.Component;

/**
 * 撤销许可 (the model's {@code revoke}): a permit granted on a 告知承诺 whose commitment was found
 * unkept at verification, or not kept by its deadline. The case keeps its delivery; its results say
 * it is revoked and why, and construction.permit-revoked tells the supervision read model (信用监管).
 */
@Component("commitmentRevocation")
class CommitmentRevocation implements JavaDelegate {

    static final String OVERDUE = "承诺期限届满，建设单位未履行承诺";

    private final CaseFiles cases;
    private final CaseJournal journal;
    private final Clock clock;

    CommitmentRevocation(CaseFiles cases, CaseJournal journal, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        String jurisdiction = (String) execution.getVariable("jurisdiction");
        // the verifier's denial carries its reason; the deadline's timer has none
        boolean found = "DENIED".equals(execution.getVariable("reviewDecision"));
        String reason = found ? String.valueOf(execution.getVariable("reviewComment")) : OVERDUE;
        String ground = found ? "commitment-unkept" : "commitment-overdue";
        cases.addResults(
                caseNumber,
                Map.of("revoked", true, "revokedAt", clock.instant().toString(), "revocationReason", reason));
        journal.recordBySystem(
                "permit.revoke",
                caseNumber,
                jurisdiction,
                "construction.permit-revoked",
                Map.of("ground", ground, "reason", reason));
    }
}
