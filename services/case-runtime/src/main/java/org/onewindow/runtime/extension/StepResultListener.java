package org.onewindow.runtime.extension;

import java.util.Map;

/**
 * Extension point: hears each step an external system completed (a component registered, a
 * certificate issued), inside the step's transaction, the first time only. A service turns the
 * answer into its results and domain events (the licence's credit code → enterprise.established).
 */
public interface StepResultListener {

    void stepDone(StepResult result);

    /**
     * @param answer the external system's answer as it sent it
     */
    record StepResult(
            String caseNumber,
            String jurisdiction,
            String matterCode,
            String step,
            String reference,
            Map<String, Object> answer) {}
}
