package org.onewindow.constructionpermit.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.constructionpermit.project.model.ProjectStage.COMPLETION_ACCEPTANCE;
import static org.onewindow.constructionpermit.project.model.ProjectStage.CONSTRUCTION_PERMISSION;
import static org.onewindow.constructionpermit.project.model.ProjectStage.ENGINEERING_PERMISSION;
import static org.onewindow.constructionpermit.project.model.ProjectStage.LAND_USE_PLANNING;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.problem.model.Rejection;

class StageRuleTest {

    private static Project projectAt(ProjectStage stage, ProjectCase... cases) {
        return new Project(
                "2026-370402-47-03-000123",
                "FC",
                "峰城区第一小学",
                ProjectCategory.GOV_BUILDING,
                null,
                null,
                null,
                null,
                "sub-1",
                stage,
                Instant.parse("2026-03-02T01:00:00Z"),
                List.of(cases));
    }

    private static ProjectCase caseOf(String number, ProjectStage stage, String status) {
        return new ProjectCase(number, "CP-x", stage, status, Instant.parse("2026-03-02T01:00:00Z"), null, null);
    }

    private static Optional<Rejection> check(Project project, ProjectStage stage) {
        return StageRule.check(Optional.of(project), Optional.of(stage));
    }

    @Test
    void aNewProjectMayEnterAtAnyStage() {
        assertThat(StageRule.check(Optional.empty(), Optional.of(COMPLETION_ACCEPTANCE)))
                .isEmpty();
    }

    @Test
    void aMatterOutsideTheStagesIsNeverHeldBack() {
        assertThat(StageRule.check(Optional.of(projectAt(LAND_USE_PLANNING)), Optional.empty()))
                .isEmpty();
    }

    @Test
    void aProjectMovesToTheNextStageOnceTheEarlierCasesAreDecided() {
        Project p = projectAt(LAND_USE_PLANNING, caseOf("FC-CP-1", LAND_USE_PLANNING, "DELIVERED"));
        assertThat(check(p, ENGINEERING_PERMISSION)).isEmpty();
        assertThat(check(p, LAND_USE_PLANNING))
                .as("another permit of the same stage")
                .isEmpty();
    }

    @Test
    void aStageCannotBeSkipped() {
        Rejection r =
                check(projectAt(LAND_USE_PLANNING), CONSTRUCTION_PERMISSION).orElseThrow();
        assertThat(r.code()).isEqualTo("project.stage-skipped");
        assertThat(r.reason().zh()).contains("立项用地规划许可", "工程建设许可", "施工许可");
    }

    @Test
    void anOpenCaseOfTheStageBeforeHoldsTheNextBack() {
        Project p = projectAt(
                ENGINEERING_PERMISSION,
                caseOf("FC-CP-3", ENGINEERING_PERMISSION, "IN_PROGRESS"),
                caseOf("FC-CP-1", LAND_USE_PLANNING, "DELIVERED"));
        Rejection r = check(p, CONSTRUCTION_PERMISSION).orElseThrow();
        assertThat(r.code()).isEqualTo("project.stage-open");
        assertThat(r.reason().zh()).contains("FC-CP-3").doesNotContain("FC-CP-1");
        assertThat(check(p, ENGINEERING_PERMISSION))
                .as("the same stage is open to more permits")
                .isEmpty();
    }
}
