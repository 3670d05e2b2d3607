package org.onewindow.kernel.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.acceptance.model.AcceptanceDecision;
import org.onewindow.kernel.acceptance.model.AcceptanceOutcome;
import org.onewindow.kernel.acceptance.model.AcceptanceRequest;
import org.onewindow.kernel.acceptance.model.AcceptanceRules;
import org.onewindow.kernel.acceptance.model.Deficiency;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.acceptance.model.PresentedMaterial;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.fixtures.CatalogueFixture;

class AcceptanceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final AcceptanceRules rules = AcceptanceRules.standard();
    private final org.onewindow.kernel.catalogue.model.CatalogueVersion fc = CatalogueFixture.fengcheng();

    private AcceptanceDecision apply(String matter, List<PresentedMaterial> materials, Map<String, ?> data) {
        return rules.decide(
                new AcceptanceRequest(fc.jurisdiction(), fc.matter(matter).orElseThrow(), TODAY, materials, data));
    }

    /** Every EO-1 material, on paper. */
    private static List<PresentedMaterial> allBundleMaterials() {
        return new ArrayList<>(List.of(
                new PresentedMaterial("application-form", MaterialForm.PAPER, null),
                new PresentedMaterial("legal-representative-id", MaterialForm.E_LICENCE, "370402199001011234"),
                new PresentedMaterial("address-proof", MaterialForm.COMMITMENT, null),
                new PresentedMaterial("bank-booking", MaterialForm.UPLOAD, "upload/42")));
    }

    private static List<PresentedMaterial> allBundleMaterialsExcept(String... codes) {
        var list = allBundleMaterials();
        list.removeIf(m -> List.of(codes).contains(m.code()));
        return list;
    }

    @Test
    void everythingPresentIsAccepted() {
        assertThat(apply("EO-1", allBundleMaterials(), Map.of()).outcome()).isEqualTo(AcceptanceOutcome.ACCEPTED);
    }

    @Nested
    class 容缺受理 {
        @Test
        void onlyANonCoreMaterialMissingIsAcceptedWithTheSupplementDeadline() {
            var decision = apply("EO-1", allBundleMaterialsExcept("bank-booking"), Map.of());
            assertThat(decision).isInstanceOfSatisfying(AcceptanceDecision.AcceptedWithDeficiency.class, d -> {
                assertThat(d.deficiencies()).extracting(Deficiency::code).containsExactly("bank-booking");
                assertThat(d.supplyWithin()).isEqualTo(TimeLimit.workingDays(5));
            });
            assertThat(decision.opensCase()).isTrue();
        }
    }

    @Nested
    class 补正一次性告知 {
        @Test
        void aMissingCoreMaterialReturnsTheCompleteListOnce() {
            var decision = apply("EO-1", allBundleMaterialsExcept("application-form", "bank-booking"), Map.of());
            assertThat(decision.outcome()).isEqualTo(AcceptanceOutcome.RETURNED_FOR_CORRECTION);
            assertThat(decision.deficiencies())
                    .extracting(Deficiency::code)
                    .containsExactlyInAnyOrder("application-form", "bank-booking");
            assertThat(decision.opensCase()).isFalse();
        }

        @Test
        void aCommitmentWhereNoneIsAllowedIsADeficiency() {
            var materials = allBundleMaterialsExcept("application-form");
            materials.add(new PresentedMaterial("application-form", MaterialForm.COMMITMENT, null));
            var decision = apply("EO-1", materials, Map.of());
            assertThat(decision.deficiencies())
                    .extracting(Deficiency::code, Deficiency::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "application-form", Deficiency.Reason.COMMITMENT_NOT_ALLOWED));
        }

        @Test
        void anELicenceWithoutAReferenceIsADeficiency() {
            var materials = allBundleMaterialsExcept("legal-representative-id");
            materials.add(new PresentedMaterial("legal-representative-id", MaterialForm.E_LICENCE, " "));
            assertThat(apply("EO-1", materials, Map.of()).deficiencies())
                    .extracting(Deficiency::reason)
                    .containsExactly(Deficiency.Reason.REFERENCE_MISSING);
        }

        @Test
        void missingThresholdDataIsACoreDeficiency() {
            var materials = List.of(new PresentedMaterial("applicant-id", MaterialForm.PAPER, null));
            var decision = apply("UT-E1", materials, Map.of("capacityKva", 100));
            assertThat(decision.outcome()).isEqualTo(AcceptanceOutcome.RETURNED_FOR_CORRECTION);
            assertThat(decision.deficiencies()).extracting(Deficiency::code).containsExactly("externalWorks");
            assertThat(decision.deficiencies().get(0).name().zh())
                    .as("named as a clerk says it, not by its key")
                    .isEqualTo("是否涉及外线工程");
        }
    }

    @Nested
    class 不予受理 {
        @Test
        void dataOutsideTheThresholdIsRefusedNamingIt() {
            var materials = List.of(new PresentedMaterial("applicant-id", MaterialForm.PAPER, null));
            var decision = apply("UT-E1", materials, Map.of("capacityKva", 200, "externalWorks", false));
            assertThat(decision).isInstanceOfSatisfying(AcceptanceDecision.Refused.class, r -> {
                assertThat(r.rule()).isEqualTo("threshold-not-met");
                assertThat(r.reason().en()).contains("capacityKva LE 160 kVA");
            });
        }

        @Test
        void theBoundaryValueItselfIsInsideAnInclusiveThreshold() {
            var materials = List.of(new PresentedMaterial("applicant-id", MaterialForm.PAPER, null));
            assertThat(apply("UT-E1", materials, Map.of("capacityKva", 160, "externalWorks", false))
                            .outcome())
                    .isEqualTo(AcceptanceOutcome.ACCEPTED);
        }

        @Test
        void aMatterNotYetInForceIsRefused() {
            assertThat(apply("EO-9", List.of(), Map.of()))
                    .isInstanceOfSatisfying(AcceptanceDecision.Refused.class, r -> assertThat(r.rule())
                            .isEqualTo("matter-not-in-force"));
        }
    }
}
