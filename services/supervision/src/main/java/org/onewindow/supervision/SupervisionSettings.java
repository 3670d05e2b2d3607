package org.onewindow.supervision;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The supervision service's own settings ({@code onewindow.supervision.*}).
 *
 * @param supervisorsDepartment the group whose supervisors work the 督办 and 回访 tasks (督查)
 * @param handlingDepartments the departments a 12345 appeal may be assigned to (承办部门)
 * @param escalatedMatters the 督办 matters that are escalated (提级督办): the catalogue's rule picks them
 * @param notSupervised matters a breach does not open a 督办 for (a 督办 itself: escalation covers it)
 * @param ordersScanEvery how often the board's breached cases are looked at for a 督办 to open
 */
@ConfigurationProperties("onewindow.supervision")
public record SupervisionSettings(
        @DefaultValue("service-centre") String supervisorsDepartment,
        Set<String> handlingDepartments,
        @DefaultValue("SV-2b") Set<String> escalatedMatters,
        @DefaultValue({"SV-2a", "SV-2b"}) Set<String> notSupervised,
        @DefaultValue("2s") Duration ordersScanEvery) {

    public SupervisionSettings {
        handlingDepartments = handlingDepartments == null ? Set.of() : Set.copyOf(handlingDepartments);
    }
}
