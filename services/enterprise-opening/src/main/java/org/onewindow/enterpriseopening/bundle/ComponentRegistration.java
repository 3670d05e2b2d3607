package org.onewindow.enterpriseopening.bundle;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.enterpriseopening.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.enterpriseopening.external.DepartmentSystems;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.springframework.stereotype.Component;

/**
 * One component of the bundle (营业执照, 印章, 涉税 …) registered with its department's system. Runs
 * as an asynchronous job in the engine's transaction: if the system is down the call throws, the
 * job is retried on the BPMN's retry cycle and nothing of this step is stored until it succeeds.
 * The business licence's answer carries the new enterprise's credit code (enterprise.established).
 */
@Component("componentRegistration")
class ComponentRegistration implements JavaDelegate {

    static final String BUSINESS_LICENCE = "business-licence";

    private final DepartmentSystems departments;
    private final JdbcCaseFiles cases;
    private final CaseJournal journal;
    private final Clock clock;

    ComponentRegistration(DepartmentSystems departments, JdbcCaseFiles cases, CaseJournal journal, Clock clock) {
        this.departments = departments;
        this.cases = cases;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        String jurisdiction = (String) execution.getVariable("jurisdiction");
        String component = (String) execution.getVariable("component");
        cases.stepStarted(caseNumber, component, clock.instant());
        DepartmentSystems.Registration answer = departments.register(
                component, caseNumber, jurisdiction, Map.of("matterCode", execution.getVariable("matterCode")));
        if (!cases.stepCompleted(caseNumber, component, answer.reference(), clock.instant())) {
            return; // already done by an earlier run of this job
        }
        journal.recordBySystem(
                "case.step-complete",
                caseNumber,
                jurisdiction,
                "case.step-completed",
                Map.of("step", component, "outcome", "DONE", "completedBy", "system:" + component));
        if (BUSINESS_LICENCE.equals(component) && answer.uscc() != null) {
            cases.issuedUscc(caseNumber, answer.uscc());
            journal.recordBySystem(
                    "enterprise.establish",
                    caseNumber,
                    jurisdiction,
                    "enterprise.established",
                    Map.of("uscc", answer.uscc()));
        }
    }
}
