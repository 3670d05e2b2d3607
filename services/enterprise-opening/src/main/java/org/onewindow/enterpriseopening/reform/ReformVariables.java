package org.onewindow.enterpriseopening.reform;

import java.util.Map;
import org.onewindow.enterpriseopening.reform.model.ReformPath;
import org.onewindow.enterpriseopening.reform.model.SmartApproval;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.runtime.extension.MatterVariables;
import org.springframework.stereotype.Component;

/**
 * What enterprise opening's models choose their path by: 智能审批 for the licence (EO-2) and 证照分离's
 * way of handling an operating permit (EO-8). Checked before the case is stored.
 */
@Component
class ReformVariables implements MatterVariables {

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        return Map.of(
                "smartApproval", SmartApproval.applies(version, application),
                "reformPath", ReformPath.of(application).name());
    }
}
