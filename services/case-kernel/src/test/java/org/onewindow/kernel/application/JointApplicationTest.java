package org.onewindow.kernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.acceptance.model.AcceptanceOutcome;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Applicant;
import org.onewindow.kernel.application.model.ApplicantType;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Application.Material;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.application.model.JointApplication;
import org.onewindow.kernel.application.model.JointReceipt;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.text.LocalizedText;

class JointApplicationTest {

    private static final Applicant DEVELOPER =
            new Applicant(ApplicantType.ENTERPRISE, "示例建设有限公司", "91110105MA01FC010D", null);

    private static JointApplication joint(List<String> matters, String... materials) {
        return new JointApplication(
                "FC",
                matters,
                Channel.WINDOW,
                DEVELOPER,
                java.util.Arrays.stream(materials)
                        .map(code -> new Material(code, MaterialForm.PAPER, null))
                        .toList(),
                Map.of("projectCode", "2026-370402-47-03-000123"));
    }

    @Test
    void eachMatterGetsTheSharedMaterialsItListsAndTheSameData() {
        JointApplication joint =
                joint(List.of("CP-3", "CP-4"), "application-form", "land-title", "planning-conditions");
        Application cp4 = joint.forMatter("CP-4", Set.of("application-form", "design-scheme", "planning-conditions"));
        assertThat(cp4.matterCode()).isEqualTo("CP-4");
        assertThat(cp4.materials())
                .extracting(Material::code)
                .containsExactly("application-form", "planning-conditions");
        assertThat(cp4.data()).isEqualTo(joint.data());
        assertThat(joint.violations()).isEmpty();
    }

    @Test
    void aJointApplicationNamesTwoOrMoreDifferentMattersAndIsOtherwiseAnApplication() {
        assertThat(joint(List.of("CP-3")).violations())
                .extracting(FieldViolation::field)
                .containsExactly("matterCodes");
        assertThat(joint(List.of("CP-3", "CP-3")).violations())
                .extracting(FieldViolation::code)
                .containsExactly("joint.duplicate-matter");
        JointApplication nobody = new JointApplication("FC", List.of("CP-3", "CP-4"), null, null, List.of(), Map.of());
        assertThat(nobody.violations()).extracting(FieldViolation::field).containsExactly("channel", "applicant");
    }

    @Test
    void whatTheMattersMissIsOneListEachItemOnceWithTheMattersThatNeedIt() {
        Receipt cp3 = assessment(
                "CP-3",
                AcceptanceOutcome.RETURNED_FOR_CORRECTION,
                missing("land-title", true),
                missing("design-scheme", true),
                missing("agent-authorisation", false));
        Receipt cp4 = assessment(
                "CP-4",
                AcceptanceOutcome.ACCEPTED_WITH_DEFICIENCY,
                missing("design-scheme", true),
                missing("agent-authorisation", false));

        JointReceipt receipt = JointReceipt.notAccepted("FC", List.of(cp3, cp4));

        assertThat(receipt.outcome()).isEqualTo(AcceptanceOutcome.RETURNED_FOR_CORRECTION);
        assertThat(receipt.opensCases()).isFalse();
        assertThat(receipt.missingMaterials())
                .extracting(JointReceipt.MissingItem::code, JointReceipt.MissingItem::matterCodes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("land-title", List.of("CP-3")),
                        org.assertj.core.groups.Tuple.tuple("design-scheme", List.of("CP-3", "CP-4")),
                        org.assertj.core.groups.Tuple.tuple("agent-authorisation", List.of("CP-3", "CP-4")));
    }

    @Test
    void aRefusedMatterIsNamedWithItsReasonAndDecidesTheOutcome() {
        Receipt refused = new Receipt(
                null,
                "FC",
                "CP-4",
                AcceptanceOutcome.REFUSED,
                null,
                null,
                null,
                List.of(),
                null,
                new LocalizedText("不属于本部门职责", "not ours"),
                List.of(),
                null,
                Map.of(),
                List.of());
        JointReceipt receipt = JointReceipt.notAccepted(
                "FC", List.of(assessment("CP-3", AcceptanceOutcome.RETURNED_FOR_CORRECTION), refused));
        assertThat(receipt.outcome()).isEqualTo(AcceptanceOutcome.REFUSED);
        assertThat(receipt.refusals()).singleElement().satisfies(r -> assertThat(r.matterCode())
                .isEqualTo("CP-4"));
    }

    private static Receipt.MissingMaterial missing(String code, boolean core) {
        return new Receipt.MissingMaterial(
                code, new LocalizedText(code, code), core, new LocalizedText("缺", "missing"));
    }

    private static Receipt assessment(String matter, AcceptanceOutcome outcome, Receipt.MissingMaterial... missing) {
        return new Receipt(
                null,
                "FC",
                matter,
                outcome,
                null,
                null,
                null,
                List.of(missing),
                null,
                null,
                List.of(),
                null,
                Map.of(),
                List.of());
    }
}
