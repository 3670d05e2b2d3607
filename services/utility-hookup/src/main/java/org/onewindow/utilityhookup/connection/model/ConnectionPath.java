package org.onewindow.utilityhookup.connection.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.catalogue.model.Component;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.clock.model.LimitUnit;

/**
 * The steps (环节) of one connection as the seeds count them: 受理, then 方案答复 where there is a
 * scheme to agree (high voltage; water, gas and heat with external works; LC and QX's low voltage
 * has none, the survey sets the scheme), then 外线工程 where there are works, approved as the matter
 * says, then 装表接电.
 *
 * @param approvalDepartments who approves the works in parallel (empty unless {@code PARALLEL})
 * @param informationPush whether the supplier owes the works data afterwards (ST UT-E7)
 */
public record ConnectionPath(
        Utility utility,
        boolean schemeReply,
        boolean externalWorks,
        WorksApproval worksApproval,
        List<String> approvalDepartments,
        boolean informationPush) {

    /** The step limit of the external-works approval, and FC's joint approval over 150 m. */
    static final String APPROVAL_STEP = "external-works-approval";

    static final String JOINT_APPROVAL_STEP = "joint-approval";
    static final String INFORMATION_PUSH_STEP = "supplier-information-push";

    public ConnectionPath {
        approvalDepartments = List.copyOf(approvalDepartments);
    }

    /**
     * The path of {@code matter} for an application's data.
     *
     * @param configured the approval the settings fix for this matter where its limits do not show it
     * @param departments the approving department of each parallel component (规划 → natural resources …)
     * @param roadDepartment who approves digging an expressway or arterial road, which keeps the
     *     original procedure even where the works are otherwise exempt
     */
    public static ConnectionPath of(
            Matter matter,
            Utility utility,
            Map<String, ?> data,
            Optional<WorksApproval> configured,
            Map<String, String> departments,
            String roadDepartment) {
        boolean works = Boolean.TRUE.equals(data.get("externalWorks"));
        boolean scheme =
                switch (utility) {
                    case ELECTRICITY -> "HIGH_10KV".equals(data.get("voltage"));
                    case WATER, GAS, HEAT -> works;
                    case TELECOM, DRAINAGE -> false;
                };
        WorksApproval approval = configured.orElseGet(() -> fromLimits(matter));
        List<String> approving = new ArrayList<>();
        if (works && approval == WorksApproval.EXEMPT && Boolean.TRUE.equals(data.get("arterialRoadDigging"))) {
            approval = WorksApproval.PARALLEL;
            approving.add(roadDepartment);
        } else if (works && approval == WorksApproval.PARALLEL) {
            approving.addAll(approvingDepartments(matter, departments));
        }
        boolean push = matter.stepLimits().stream().anyMatch(l -> INFORMATION_PUSH_STEP.equals(l.step()));
        return new ConnectionPath(utility, scheme, works, approval, approving, push);
    }

    /** An IMMEDIATE approval step is a filing (承诺备案，即时办理); any other is a parallel approval. */
    private static WorksApproval fromLimits(Matter matter) {
        boolean immediate = matter.stepLimits().stream()
                .filter(l -> APPROVAL_STEP.equals(l.step()))
                .flatMap(l -> l.limit().stream())
                .anyMatch(t -> t.unit() == LimitUnit.IMMEDIATE);
        return immediate ? WorksApproval.COMMITMENT_FILING : WorksApproval.PARALLEL;
    }

    /** The matter's parallel components that are approvals, else every approving department. */
    private static List<String> approvingDepartments(Matter matter, Map<String, String> departments) {
        List<String> named = matter.components().stream()
                .filter(Component::parallel)
                .map(Component::id)
                .map(departments::get)
                .filter(d -> d != null)
                .distinct()
                .toList();
        return named.isEmpty()
                ? departments.values().stream().distinct().sorted().toList()
                : named;
    }

    /** How many steps (环节) the applicant sees: 受理, the scheme, the works, the connection. */
    public int steps() {
        return 2 + (schemeReply ? 1 : 0) + (externalWorks ? 1 : 0);
    }

    /** The process variables of utility-connection.bpmn. */
    public Map<String, Object> variables(String utilityCompany) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("utilityCompany", utilityCompany);
        vars.put("schemeReply", schemeReply);
        vars.put("externalWorks", externalWorks);
        vars.put("worksApproval", worksApproval.name());
        vars.put("approvalDepartments", new ArrayList<>(approvalDepartments));
        vars.put("informationPush", informationPush);
        return vars;
    }
}
