package org.onewindow.constructionpermit.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.constructionpermit.project.model.ConstructionSection.FOUNDATION;
import static org.onewindow.constructionpermit.project.model.ConstructionSection.SUPERSTRUCTURE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.problem.model.Rejection;

class PermitRuleTest {

    private static Project projectWith(ProjectCase... cases) {
        return new Project(
                "2026-370402-47-03-000123",
                "ST",
                "示例住宅小区",
                ProjectCategory.SOCIAL_BUILDING,
                null,
                null,
                null,
                null,
                "sub-1",
                ProjectStage.CONSTRUCTION_PERMISSION,
                Instant.parse("2026-03-02T01:00:00Z"),
                List.of(cases));
    }

    private static ProjectCase permit(String number, String status, ConstructionSection section) {
        return new ProjectCase(
                number,
                "CP-7",
                ProjectStage.CONSTRUCTION_PERMISSION,
                status,
                Instant.parse("2026-03-02T01:00:00Z"),
                null,
                section);
    }

    private static Optional<Rejection> check(Project project, ConstructionSection wanted) {
        return PermitRule.check(Optional.of(project), "CP-7", Optional.ofNullable(wanted));
    }

    @Test
    void aNewProjectOrAnotherMatterIsNoDuplicate() {
        assertThat(PermitRule.check(Optional.empty(), "CP-7", Optional.empty())).isEmpty();
        Project p = projectWith(permit("ST-1", "IN_PROGRESS", null));
        assertThat(PermitRule.check(Optional.of(p), "CP-9", Optional.empty())).isEmpty();
    }

    @Test
    void aPermitHeldInProgressOrGrantedIsNotAppliedForAgain() {
        for (String status : List.of("IN_PROGRESS", "APPROVED", "DELIVERED")) {
            Optional<Rejection> duplicate = check(projectWith(permit("ST-1", status, null)), null);
            assertThat(duplicate).as(status).hasValueSatisfying(r -> {
                assertThat(r.code()).isEqualTo("project.permit-held");
                assertThat(r.reason().zh()).contains("ST-1", "整个项目", "不能重复申请");
            });
        }
    }

    @Test
    void aRefusedOrWithdrawnPermitMayBeAppliedForAgain() {
        Project p = projectWith(permit("ST-1", "DENIED", null), permit("ST-2", "WITHDRAWN", null));
        assertThat(check(p, null)).isEmpty();
    }

    @Test
    void eachSectionIsAPermitOfItsOwn() {
        Project p = projectWith(permit("ST-1", "DELIVERED", FOUNDATION));
        assertThat(check(p, SUPERSTRUCTURE)).isEmpty();
        assertThat(check(p, FOUNDATION)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("project.section-held");
            assertThat(r.reason().zh()).contains("基础工程", "每个施工段只申请一次");
        });
    }

    @Test
    void aWholeProjectPermitAndASectionExcludeEachOther() {
        assertThat(check(projectWith(permit("ST-1", "IN_PROGRESS", null)), FOUNDATION))
                .as("the whole project is covered already")
                .isPresent();
        assertThat(check(projectWith(permit("ST-1", "IN_PROGRESS", FOUNDATION)), null))
                .as("a section is held: the rest goes section by section")
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("project.permit-held"));
    }
}
