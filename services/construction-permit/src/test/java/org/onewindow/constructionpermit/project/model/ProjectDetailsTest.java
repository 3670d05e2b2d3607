package org.onewindow.constructionpermit.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

class ProjectDetailsTest {

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    private static List<String> fieldsOf(Runnable read) {
        try {
            read.run();
        } catch (Rejection r) {
            return r.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void readsAProjectsFirstApplication() {
        ProjectDetails d = ProjectDetails.read(data(
                "projectCode", "2026-370402-47-03-000123",
                "projectName", "峰城区第一小学",
                "projectCategory", "gov-building",
                "floorAreaM2", 12000,
                "investmentCny10k", "8500.5",
                "landParcel", "FC-2026-017",
                "buildings", List.of(Map.of("building", "教学楼", "units", 0))));

        assertThat(d.category()).isEqualTo(ProjectCategory.GOV_BUILDING);
        assertThat(d.floorAreaM2()).isEqualByComparingTo("12000");
        assertThat(d.investmentCny10k()).isEqualByComparingTo(new BigDecimal("8500.5"));
        assertThat(d.acceptanceMode()).isEqualTo(ProjectDetails.COMPREHENSIVE);
        assertThat(d.buildings()).hasSize(1);
        d.requireRegistration();
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        assertThat(fieldsOf(() -> ProjectDetails.read(data(
                        "projectCode", "FC-123",
                        "projectCategory", "skyscraper",
                        "floorAreaM2", -5,
                        "investmentCny10k", "lots",
                        "acceptanceMode", "SOMETIMES",
                        "constructionSection", "roof",
                        "buildings", "tower A"))))
                .containsExactlyInAnyOrder(
                        "data.projectCode",
                        "data.projectCategory",
                        "data.floorAreaM2",
                        "data.investmentCny10k",
                        "data.acceptanceMode",
                        "data.constructionSection",
                        "data.buildings");
    }

    @Test
    void aSectionIsForAMatterIssuedInSectionsOnly() {
        ProjectDetails staged = ProjectDetails.read(
                data("projectCode", "2026-370402-47-03-000123", "constructionSection", "foundation"));
        assertThat(staged.givenSection()).contains(ConstructionSection.FOUNDATION);
        staged.requireSectionAllowed(true);
        assertThat(fieldsOf(() -> staged.requireSectionAllowed(false))).containsExactly("data.constructionSection");
        ProjectDetails.read(data("projectCode", "2026-370402-47-03-000123")).requireSectionAllowed(false);
    }

    @Test
    void everyConstructionApplicationNamesItsProject() {
        assertThat(fieldsOf(() -> ProjectDetails.read(data()))).containsExactly("data.projectCode");
    }

    @Test
    void registeringAProjectNeedsItsNameAndCategoryTogether() {
        ProjectDetails codeOnly = ProjectDetails.read(data("projectCode", "2026-370402-47-03-000123"));
        assertThat(fieldsOf(codeOnly::requireRegistration)).containsExactly("data.projectName", "data.projectCategory");
    }

    @Test
    void theChineseReasonSaysWhatAProjectCodeLooksLike() {
        assertThatThrownBy(() -> ProjectDetails.read(data("projectCode", "123")))
                .isInstanceOfSatisfying(
                        Rejection.class,
                        r -> assertThat(r.violations().get(0).reason().zh()).contains("2026-370402-47-03-000123"));
    }
}
