package org.onewindow.utilityhookup.joint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.intake.Intake;
import org.springframework.stereotype.Component;

/**
 * 联合报装, after the joint site survey: one component case per utility, each with its own matter,
 * clock and company, opened by the system on the joint form's data and linked to the joint case.
 * A job run again opens nothing twice (the joint case is each component's {@code caused_by}).
 */
@Component("componentCases")
class ComponentCases implements JavaDelegate {

    static final String JOINT_CASE = "jointCase";

    private final CaseFiles cases;
    private final Intake intake;

    ComponentCases(CaseFiles cases, Intake intake) {
        this.cases = cases;
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jointCase = (String) execution.getVariable("caseNumber");
        @SuppressWarnings("unchecked")
        List<String> matters = (List<String>) execution.getVariable("componentMatters");
        Application joint = cases.application(jointCase)
                .orElseThrow(() -> new IllegalStateException("no application kept for " + jointCase));
        for (String matterCode : matters) {
            Map<String, Object> data = new LinkedHashMap<>(joint.data());
            data.remove("utilities");
            data.put(JOINT_CASE, jointCase);
            Receipt receipt = intake.openComponent(
                    jointCase,
                    new Application(
                            joint.jurisdiction(), matterCode, joint.channel(), joint.applicant(), List.of(), data));
            if (!receipt.opensACase()) {
                throw new IllegalStateException(
                        "联合报装 " + jointCase + ": " + matterCode + " not opened (" + receipt.outcome() + ")");
            }
        }
    }
}
