package org.onewindow.runtime.extension;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * 免提交: materials the platform already holds evidence of for this application (a completion
     * acceptance another service announced), each as {@code SHARED} with a reference to where it is
     * held. The intake lists them where the application gives nothing for the material, before the
     * acceptance rules read the materials; what the applicant hands in is kept as given.
     */
    default List<Application.Material> sharedMaterials(Application application) {
        return List.of();
    }

    /**
     * The department that handles this application's case where the application itself names it
     * (a 12345 appeal's 承办部门, the department a 督办 concerns); empty: the matter's configured one.
     * Called after {@link #variables}, which refuses a department that is not there.
     */
    default Optional<String> department(Matter matter, Application application) {
        return Optional.empty();
    }
}
