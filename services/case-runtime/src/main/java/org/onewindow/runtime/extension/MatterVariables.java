package org.onewindow.runtime.extension;

import java.util.Map;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;

/**
 * Extension point: the process variables a service's matters need beyond the runtime's own
 * (caseNumber, jurisdiction, matterCode, catalogueVersion, reviewDepartment …). Asked before
 * anything is stored: a bad value is refused with {@code Rejection.invalid} and nothing is kept.
 */
public interface MatterVariables {

    Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application);

    /**
     * Application data the service already holds for this application (a registered project's
     * category, floor area, investment), so that the applicant does not give it again: the intake
     * adds what the application leaves out before the acceptance rules read it, and keeps it with
     * the case. What the application gives always wins.
     */
    default Map<String, Object> knownData(Application application) {
        return Map.of();
    }
}
