package org.onewindow.enterpriseopening.intake;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the enterprise-opening service ({@code onewindow.enterprise-opening.*}).
 *
 * @param registrationRetryCycle how often a component's call to a department's system is retried
 *     while that system is down (ISO-8601 repeat, e.g. R20/PT30S); the case waits, it is not lost
 * @param reviewDepartments matter code → the department whose approvers review it (the token's
 *     department claim); a matter not listed is reviewed by market regulation
 * @param waitingSteps step limits that are waiting periods (简易注销's 公告), scheduled as the
 *     model's timers from the kernel clock rather than watched as service-level clocks
 */
@ConfigurationProperties("onewindow.enterprise-opening")
public record EnterpriseOpeningProperties(
        @DefaultValue("R20/PT30S") String registrationRetryCycle,
        @DefaultValue Map<String, String> reviewDepartments,
        @DefaultValue("public-notice") Set<String> waitingSteps) {

    public String reviewDepartmentOf(String matterCode) {
        return reviewDepartments.getOrDefault(matterCode, Departments.MARKET_REGULATION);
    }
}
