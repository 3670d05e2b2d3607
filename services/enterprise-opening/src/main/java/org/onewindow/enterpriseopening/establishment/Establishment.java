package org.onewindow.enterpriseopening.establishment;

import java.util.Map;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.extension.StepResultListener;
import org.springframework.stereotype.Component;

/**
 * 企业设立: the business licence registered, its answer carries the new enterprise's unified social
 * credit code; the case keeps it as its result {@code uscc} and enterprise.established tells the
 * other services (tax, social security, banks) that the enterprise exists.
 */
@Component
class Establishment implements StepResultListener {

    static final String BUSINESS_LICENCE = "business-licence";

    private final CaseFiles cases;
    private final CaseJournal journal;

    Establishment(CaseFiles cases, CaseJournal journal) {
        this.cases = cases;
        this.journal = journal;
    }

    @Override
    public void stepDone(StepResult result) {
        Object uscc = result.answer().get("uscc");
        if (!BUSINESS_LICENCE.equals(result.step()) || uscc == null) {
            return;
        }
        cases.addResults(result.caseNumber(), Map.of("uscc", uscc.toString()));
        journal.recordBySystem(
                "enterprise.establish",
                result.caseNumber(),
                result.jurisdiction(),
                "enterprise.established",
                Map.of("uscc", uscc.toString()));
    }
}
