package org.onewindow.utilityhookup.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.utilityhookup.connection.model.ConnectionPath;
import org.onewindow.utilityhookup.connection.model.Utility;
import org.springframework.stereotype.Component;

/**
 * At 受理: the company a case goes to, and for a connection the steps of its path (方案答复, 外线工程
 * and how the works are approved, the supplier's information push), from the matter and the
 * applicant's data.
 */
@Component
class ConnectionVariables implements MatterVariables {

    private final UtilitySettings settings;

    ConnectionVariables(UtilitySettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        Optional<Utility> utility = Utility.of(matter.code());
        if (utility.isEmpty()) {
            return Map.of();
        }
        String company = settings.companyOf(utility.get());
        if (settings.connectionProcess().equals(matter.processKey())) {
            return ConnectionPath.of(
                            matter,
                            utility.get(),
                            application.data(),
                            settings.worksApprovalOf(matter.code()),
                            settings.approvalDepartments(),
                            settings.roadDepartment())
                    .variables(company);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("utilityCompany", company);
        return vars;
    }
}
