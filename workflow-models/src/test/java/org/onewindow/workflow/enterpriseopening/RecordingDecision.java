package org.onewindow.workflow.enterpriseopening;

import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the runtime's {@code caseDecision} delegate: reads the model's injected {@code
 * decision} field as the real one does and reports an approval or a denial.
 */
public final class RecordingDecision implements JavaDelegate {

    private final Consumer<DelegateExecution> approved;
    private final Consumer<DelegateExecution> denied;
    private Expression decision;

    public RecordingDecision(Consumer<DelegateExecution> approved, Consumer<DelegateExecution> denied) {
        this.approved = approved;
        this.denied = denied;
    }

    public void setDecision(Expression decision) {
        this.decision = decision;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object value = decision.getValue(execution);
        if ("APPROVED".equals(value)) {
            approved.accept(execution);
        } else if ("DENIED".equals(value)) {
            denied.accept(execution);
        } else {
            throw new IllegalStateException("a decision step must say APPROVED or DENIED, said " + value);
        }
    }
}
