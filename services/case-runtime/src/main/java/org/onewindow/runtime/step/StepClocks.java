package org.onewindow.runtime.step;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.onewindow.runtime.clock.ClockKeeper;

/**
 * Step clocks of sequential stages (construction's 立项用地 → 工程建设 → 施工 → 竣工验收), started and
 * stopped by the model as execution listeners: {@code ${stepClocks.start(execution, 'design-review')}}
 * on a stage's start, {@code ${stepClocks.stop(execution, 'design-review')}} on its end. The limit is
 * the catalogue's step limit of that name; list such steps in {@code onewindow.case.stage-steps} so
 * they do not also start at acceptance.
 */
public class StepClocks {

    private final ClockKeeper clocks;
    private final Clock clock;

    public StepClocks(ClockKeeper clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    public void start(DelegateExecution execution, String step) {
        clocks.startStep(
                (String) execution.getVariable("caseNumber"),
                (String) execution.getVariable("jurisdiction"),
                (String) execution.getVariable("catalogueVersion"),
                (String) execution.getVariable("matterCode"),
                step,
                clock.instant());
    }

    public void stop(DelegateExecution execution, String step) {
        clocks.stopStep((String) execution.getVariable("caseNumber"), step, clock.instant());
    }
}
