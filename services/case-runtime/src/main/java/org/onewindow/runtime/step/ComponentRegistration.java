package org.onewindow.runtime.step;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.extension.StepResultListener;
import org.onewindow.runtime.external.ExternalSystems;

/**
 * One component or step registered with the external system that handles it (营业执照, 印章, 涉税,
 * 电子证照 …). Runs as an asynchronous job in the engine's transaction: if the system is down the
 * call throws, the job is retried on the model's retry cycle and nothing of this step is stored
 * until it succeeds. The component is the {@code component} variable (a multi-instance element) or
 * the activity's id.
 */
public class ComponentRegistration implements JavaDelegate {

    private final ExternalSystems systems;
    private final CaseFiles cases;
    private final CaseJournal journal;
    private final List<StepResultListener> listeners;
    private final Clock clock;

    public ComponentRegistration(
            ExternalSystems systems,
            CaseFiles cases,
            CaseJournal journal,
            List<StepResultListener> listeners,
            Clock clock) {
        this.systems = systems;
        this.cases = cases;
        this.journal = journal;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        String jurisdiction = (String) execution.getVariable("jurisdiction");
        String matterCode = (String) execution.getVariable("matterCode");
        Object named = execution.getVariable("component");
        String component = named != null ? named.toString() : execution.getCurrentActivityId();
        cases.stepStarted(caseNumber, component, clock.instant());
        ExternalSystems.Answer answer =
                systems.register(component, caseNumber, jurisdiction, Map.of("matterCode", matterCode));
        if (!cases.stepCompleted(caseNumber, component, answer.reference(), clock.instant())) {
            return; // already done by an earlier run of this job
        }
        journal.recordBySystem(
                "case.step-complete",
                caseNumber,
                jurisdiction,
                "case.step-completed",
                Map.of("step", component, "outcome", "DONE", "completedBy", "system:" + component));
        var result = new StepResultListener.StepResult(
                caseNumber, jurisdiction, matterCode, component, answer.reference(), answer.data());
        listeners.forEach(listener -> listener.stepDone(result));
    }
}
