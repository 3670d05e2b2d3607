package org.onewindow.utilityhookup.connection;

import java.util.Map;
import java.util.Optional;
import org.onewindow.utilityhookup.connection.model.Utility;
import org.onewindow.utilityhookup.connection.model.WorksApproval;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The utility service's settings ({@code onewindow.utility.*}).
 *
 * @param companies utility → the company's department, whose staff work the steps and whose system
 *     (the same id in {@code onewindow.departments.systems}) the application is pushed to
 * @param worksApproval matter code → how its external works are approved, where the catalogue's step
 *     limits do not show it (an IMMEDIATE external-works-approval is a filing, any other a parallel
 *     approval)
 * @param approvalDepartments parallel component of a matter (规划, 道路挖掘 …) → the department that
 *     approves it; a matter without such components is approved by all of them
 * @param roadDepartment who approves digging an expressway or arterial road (ST UT-E7 keeps the
 *     original procedure for them)
 * @param connectionProcess the process key of the connection paths
 * @param transferProcess the process key of the 过户 matters
 * @param jointProcess the process key of 联合报装
 */
@ConfigurationProperties("onewindow.utility")
public record UtilitySettings(
        @DefaultValue Map<Utility, String> companies,
        @DefaultValue Map<String, WorksApproval> worksApproval,
        @DefaultValue Map<String, String> approvalDepartments,
        @DefaultValue("urban-management") String roadDepartment,
        @DefaultValue("utility-connection") String connectionProcess,
        @DefaultValue("utility-account-transfer") String transferProcess,
        @DefaultValue("joint-utility-application") String jointProcess) {

    public Optional<WorksApproval> worksApprovalOf(String matterCode) {
        return Optional.ofNullable(worksApproval.get(matterCode));
    }

    /** The company of a utility; refuses to start a case for a utility nobody serves. */
    public String companyOf(Utility utility) {
        String company = companies.get(utility);
        if (company == null) {
            throw new IllegalStateException("onewindow.utility.companies has no company for " + utility);
        }
        return company;
    }
}
