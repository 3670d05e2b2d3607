package org.onewindow.enterpriseopening.bundle;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.enterpriseopening.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.enterpriseopening.casefile.model.CaseStatus;
import org.onewindow.enterpriseopening.clock.ClockKeeper;
import org.onewindow.enterpriseopening.external.DepartmentSystems;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.springframework.stereotype.Component;

/**
 * One component of the bundle (营业执照, 印章, 涉税 …) registered with its department's system. Runs
 * as an asynchronous job in the engine's transaction: if the system is down the call throws, the
 * job is retried on the BPMN's retry cycle and nothing of this step is stored until it succeeds.
 * The business licence's answer carries the new enterprise's credit code (enterprise.established).
 * When the last component is done the case is approved (case.decided).
 */
@Component("componentRegistration")
class ComponentRegistration implements JavaDelegate {

    static final String BUSINESS_LICENCE = "business-licence";

    private final DepartmentSystems departments;
    private final BundleComponents bundle;
    private final JdbcCaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final Clock clock;

    ComponentRegistration(
            DepartmentSystems departments,
            BundleComponents bundle,
            JdbcCaseFiles cases,
            CaseJournal journal,
            ClockKeeper clocks,
            Clock clock) {
        this.departments = departments;
        this.bundle = bundle;
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
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
        List<String> components = bundle.of(execution);
        if (cases.find(caseNumber).orElseThrow().steps().stream()
                                .filter(s -> "DONE".equals(s.status()))
                                .count()
                        == components.size()
                && cases.transition(caseNumber, CaseStatus.IN_PROGRESS, CaseStatus.APPROVED)) {
            clocks.stop(caseNumber, Set.of(ClockKind.APPROVAL, ClockKind.STEP), clock.instant());
            journal.recordBySystem(
                    "case.decide", caseNumber, jurisdiction, "case.decided", Map.of("decision", "APPROVED"));
        }
    }
}
