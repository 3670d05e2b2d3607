package org.onewindow.runtime.intake;

import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.OwningService;

/**
 * What the intake needs to know of its service.
 *
 * @param service the service whose matters this intake accepts
 * @param reviewDepartments matter code → the department whose staff review it
 * @param defaultDepartment the reviewing department of a matter not listed
 * @param deliveryDepartment the window that delivers results (统一出件)
 * @param waitingSteps step limits that are waiting periods (公告), handed to the model as timer dates
 * @param retryCycle how often a call to an external system is retried while it is down (R20/PT30S)
 */
public record IntakeSettings(
        OwningService service,
        Map<String, String> reviewDepartments,
        String defaultDepartment,
        String deliveryDepartment,
        Set<String> waitingSteps,
        String retryCycle) {

    public IntakeSettings {
        reviewDepartments = Map.copyOf(reviewDepartments);
        waitingSteps = Set.copyOf(waitingSteps);
    }

    public String departmentOf(String matterCode) {
        return reviewDepartments.getOrDefault(matterCode, defaultDepartment);
    }
}
