package org.onewindow.supervision.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.supervision.SupervisionSettings;
import org.springframework.stereotype.Component;

/**
 * A 督办 or 整改 belongs to the department it supervises (the board counts it there); its supervisor
 * tasks go to the supervisors' group. Only the platform opens one ({@link OrderOpening}).
 */
@Component
class OrderVariables implements MatterVariables {

    private final SupervisionSettings settings;

    OrderVariables(SupervisionSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        if (!OrderOpening.PROCESS.containsValue(matter.processKey())) {
            return Map.of();
        }
        if (application.applicant().type() != ApplicantType.AUTHORITY) {
            throw Rejection.invalid(FieldViolation.of(
                    "matterCode",
                    "order.not-applied-for",
                    "督办、整改由平台自动立案，不受理申请",
                    "the platform opens 督办 and 整改 itself; they are not applied for"));
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("supervisorsDepartment", settings.supervisorsDepartment());
        vars.put("supervisedCase", application.data().get("supervisedCase"));
        vars.put("supervisedService", application.data().get("supervisedService"));
        vars.put("escalated", settings.escalatedMatters().contains(matter.code()));
        return vars;
    }

    @Override
    public Optional<String> department(Matter matter, Application application) {
        return OrderOpening.PROCESS.containsValue(matter.processKey())
                ? Optional.ofNullable((String) application.data().get("supervisedDepartment"))
                : Optional.empty();
    }
}
