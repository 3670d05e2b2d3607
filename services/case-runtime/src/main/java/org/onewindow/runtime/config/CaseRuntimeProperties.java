package org.onewindow.runtime.config;

import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.security.model.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A case service's settings ({@code onewindow.case.*}).
 *
 * @param reviewDepartments matter code → the department whose staff review it (the token's
 *     department claim; the BPMN's candidate group {@code ${reviewDepartment}})
 * @param defaultDepartment the reviewing department of a matter not listed
 * @param deliveryDepartment the window that delivers results (统一出件), {@code ${deliveryDepartment}}
 * @param waitingSteps step limits that are waiting periods (公告), given to the model as timer dates
 *     ({@code ${publicNoticeEndsAt}}) instead of being watched as SLA clocks
 * @param stageSteps step limits whose clocks the model starts when the stage begins ({@code
 *     stepClocks}), instead of at acceptance
 * @param taskRoles activity → the role whose staff work that task where it is not an approver's
 *     ({@code deliver} is always a clerk's); e.g. a 督办's {@code close-supervision}: SUPERVISOR
 * @param reasonedTasks activities whose completion must say something (督办 response, 回访)
 * @param retryCycle how often a call to an external system is retried while it is down (ISO-8601
 *     repeat, {@code ${registrationRetryCycle}}); the case waits, it is not lost
 */
@ConfigurationProperties("onewindow.case")
public record CaseRuntimeProperties(
        @DefaultValue Map<String, String> reviewDepartments,
        @DefaultValue("service-centre") String defaultDepartment,
        @DefaultValue("service-centre") String deliveryDepartment,
        @DefaultValue("public-notice") Set<String> waitingSteps,
        @DefaultValue Set<String> stageSteps,
        @DefaultValue Map<String, Role> taskRoles,
        @DefaultValue Set<String> reasonedTasks,
        @DefaultValue("R20/PT30S") String retryCycle) {}
