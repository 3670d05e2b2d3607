package org.onewindow.workflow;

import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * As the runtime's StepClocks, called by the models' execution listeners: tells {@code calls} which
 * step clock starts or stops ({@code stepClocks.start(design-review)}) and where.
 */
public final class RecordingStepClocks {

    private final BiConsumer<String, DelegateExecution> calls;

    public RecordingStepClocks(BiConsumer<String, DelegateExecution> calls) {
        this.calls = calls;
    }

    public void start(DelegateExecution execution, String step) {
        calls.accept("stepClocks.start(" + step + ")", execution);
    }

    public void stop(DelegateExecution execution, String step) {
        calls.accept("stepClocks.stop(" + step + ")", execution);
    }
}
