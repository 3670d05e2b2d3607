package org.onewindow.constructionpermit.project.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A construction project (工程建设项目): what its permits are issued for. Registered by its first
 * application; its stage is the latest one it has entered; its whole-process clock (全流程) starts at
 * that first acceptance and pauses for nothing.
 *
 * @param code 项目代码, the investment-project code the project keeps through every approval
 */
public record Project(
        String code,
        String jurisdiction,
        String name,
        ProjectCategory category,
        BigDecimal floorAreaM2,
        BigDecimal investmentCny10k,
        String landParcel,
        String developerUscc,
        String developerSubject,
        ProjectStage stage,
        Instant registeredAt,
        List<ProjectCase> cases) {

    public Project {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /** The project as its first application describes it, before any case is attached. */
    public static Project register(
            ProjectDetails details,
            String jurisdiction,
            String developerUscc,
            String developerSubject,
            ProjectStage stage,
            Instant at) {
        return new Project(
                details.code(),
                jurisdiction,
                details.name(),
                details.category(),
                details.floorAreaM2(),
                details.investmentCny10k(),
                details.landParcel(),
                developerUscc,
                developerSubject,
                stage,
                at,
                List.of());
    }

    /** The cases of a stage still being handled (not decided): they hold the next stage back. */
    public List<ProjectCase> openBefore(ProjectStage stage) {
        return cases.stream()
                .filter(c -> c.stage() != null && c.stage().before(stage) && c.inProgress())
                .toList();
    }
}
