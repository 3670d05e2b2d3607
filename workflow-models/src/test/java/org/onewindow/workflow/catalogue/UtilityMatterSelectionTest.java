package org.onewindow.workflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterSelection;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.TimeLimit;

/** 事项引导 on the shipped utility data: the same inputs, each jurisdiction's own matter and limit. */
class UtilityMatterSelectionTest {

    private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath*:catalogue");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static MatterSelection.Answer select(String jurisdiction, String family, Map<String, ?> inputs) {
        List<Matter> candidates = CATALOGUE.inForce(jurisdiction, TODAY).orElseThrow().list().stream()
                .filter(m -> m.service() == OwningService.UTILITY_HOOKUP)
                .filter(m -> m.code().startsWith(family))
                .filter(m -> m.inForceOn(TODAY))
                .toList();
        return MatterSelection.select(candidates, inputs);
    }

    private static String recommended(MatterSelection.Answer answer) {
        return answer.recommended().map(Matter::code).orElse(null);
    }

    private static TimeLimit approval(MatterSelection.Answer answer) {
        return answer.recommended()
                .orElseThrow()
                .approvalLimit()
                .orElseThrow()
                .limit()
                .orElseThrow();
    }

    @Test
    void theSameLowVoltageRequestWithWorksGetsEachJurisdictionsLimit() {
        Map<String, Object> request =
                Map.of("voltage", "LOW", "capacityKw", 100, "externalWorks", true, "transformerUpgrade", false);

        MatterSelection.Answer lc = select("LC", "UT-E", request);
        MatterSelection.Answer qx = select("QX", "UT-E", request);

        assertThat(recommended(lc)).isEqualTo("UT-E2");
        assertThat(recommended(qx)).isEqualTo("UT-E2");
        assertThat(approval(lc)).isEqualTo(TimeLimit.workingDays(7));
        assertThat(approval(qx)).isEqualTo(TimeLimit.workingDays(7));
        // without works the two differ: LC 3 WD, QX 2 WD
        Map<String, Object> noWorks = new HashMap<>(request);
        noWorks.put("externalWorks", false);
        noWorks.put("directConnection", false);
        assertThat(approval(select("LC", "UT-E", noWorks))).isEqualTo(TimeLimit.workingDays(3));
        assertThat(approval(select("QX", "UT-E", noWorks))).isEqualTo(TimeLimit.workingDays(2));
    }

    @Test
    void stExemptionAtOneSixtyKilowattsAndTwoHundredMetresButNotAbove() {
        Map<String, Object> request = new HashMap<>(Map.of(
                "voltage",
                "LOW",
                "capacityKw",
                160,
                "lineLengthM",
                200,
                "externalWorks",
                true,
                "threeZeroService",
                true,
                "interestedThirdParty",
                false));

        assertThat(recommended(select("ST", "UT-E", request))).isEqualTo("UT-E7");

        request.put("capacityKw", 161);
        MatterSelection.Answer over = select("ST", "UT-E", request);
        assertThat(recommended(over)).isEqualTo("UT-E2");
        assertThat(over.fits()).extracting(f -> f.matter().code()).doesNotContain("UT-E7", "UT-E9");
    }

    @Test
    void fcWaterWithoutWorksIsImmediateAndOverOneFiftyMetresTakesTheJointApproval() {
        MatterSelection.Answer none = select("FC", "UT-W", Map.of("externalWorks", false));
        assertThat(recommended(none)).isEqualTo("UT-W1");
        assertThat(approval(none)).isEqualTo(TimeLimit.immediate());

        assertThat(recommended(select("FC", "UT-W", Map.of("externalWorks", true, "pipeLengthM", 150))))
                .isEqualTo("UT-W2a");
        MatterSelection.Answer longer = select("FC", "UT-W", Map.of("externalWorks", true, "pipeLengthM", 151));
        assertThat(recommended(longer)).isEqualTo("UT-W2b");
        assertThat(longer.recommended().orElseThrow().stepLimits())
                .extracting(l -> l.step())
                .containsExactly("joint-approval");
    }

    @Test
    void whenEveryMatterFailsItsOnlyThresholdTheAnswerNamesWhatEachTakes() {
        // LC water: neither a direct connection (UT-W1) nor external works (UT-W2)
        MatterSelection.Answer answer = select("LC", "UT-W", Map.of("directConnection", false, "externalWorks", false));

        assertThat(answer.fits()).isEmpty();
        assertThat(answer.outOfRange())
                .extracting(o -> o.matter().code(), o -> o.notMet().get(0).input())
                .containsExactly(tuple("UT-W1", "directConnection"), tuple("UT-W2", "externalWorks"));
        assertThat(answer.zh()).startsWith("没有适用的事项：UT-W1 要求").contains("；UT-W2 要求");
    }

    @Test
    void aDirectPipeOfTwentyOneMetresFitsNothingAndTheAnswerSaysWhy() {
        MatterSelection.Answer answer = select("QX", "UT-W", Map.of("directConnection", true, "pipeLengthM", 21));

        assertThat(answer.fits()).isEmpty();
        assertThat(answer.recommended()).isEmpty();
        assertThat(answer.outOfRange()).singleElement().satisfies(miss -> {
            assertThat(miss.matter().code()).isEqualTo("UT-W1");
            assertThat(miss.notMet()).singleElement().satisfies(t -> {
                assertThat(t.input()).isEqualTo("pipeLengthM");
                assertThat(t.condition().zh()).isEqualTo("管线长度 ≤ 20 m");
                assertThat(t.given()).isEqualTo(21);
            });
        });
        // D-QX-13: stated as external works, the same pipe is UT-W2a's
        assertThat(answer.open()).extracting(o -> o.matter().code()).containsExactly("UT-W2a");
        assertThat(recommended(select(
                        "QX", "UT-W", Map.of("directConnection", true, "pipeLengthM", 21, "externalWorks", true))))
                .isEqualTo("UT-W2a");
    }

    @Test
    void lcTransformerUpgradeHasItsOwnPath() {
        MatterSelection.Answer answer =
                select("LC", "UT-E", Map.of("voltage", "LOW", "externalWorks", true, "transformerUpgrade", true));

        assertThat(recommended(answer)).isEqualTo("UT-E3");
        assertThat(approval(answer)).isEqualTo(TimeLimit.workingDays(25));
    }

    @Test
    void equallySpecificFitsAreListedWithoutARecommendation() {
        // ST 100 kW, works, no 三零 answer: UT-E2 (low voltage, works) and UT-E9 (≤ 160 kW) both fit
        MatterSelection.Answer answer =
                select("ST", "UT-E", Map.of("voltage", "LOW", "capacityKw", 100, "externalWorks", true));

        assertThat(answer.fits()).extracting(f -> f.matter().code()).containsExactlyInAnyOrder("UT-E2", "UT-E9");
        assertThat(answer.recommended()).isEmpty();
        assertThat(answer.open()).extracting(o -> o.matter().code()).contains("UT-E7");
    }
}
