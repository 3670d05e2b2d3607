package org.onewindow.supervision.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.supervision.SupervisionSettings;
import org.springframework.stereotype.Component;

/**
 * A 督办 or 整改 belongs to the department it supervises (the board counts it there); its supervisor
 * tasks go to the supervisors' group. Only the platform opens one ({@link OrderOpening}): the catalogue
 * marks the matters {@code openedByPlatform}, and the intake refuses anyone applying for them.
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
