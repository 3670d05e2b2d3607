package org.onewindow.workflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.LimitUnit;
import org.onewindow.kernel.clock.model.TimeLimit;

/** The catalogue data that ships passes the kernel's validation and says what the seeds promise. */
class ShippedCatalogueTest {

    private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath*:catalogue");
    /**
     * The procedure ids of seed-catalogue §2–§5, optionally split by a lower-case suffix, and the
     * supervision service's own (SV: 12345 appeals of §6.11, 督办, 差评整改 of §6.4).
     */
    private static final Pattern SEED_PROCEDURE_ID = Pattern.compile(
            "(EO-(1[0-2]|[1-9])|CP-(2[0-4]|1[0-9]|[1-9])|PR-(1[0-6]|[1-9])|UT-(D|H|T|X|J1|G1|W[1-4]|E(1[0-2]|[1-9]))|SV-[1-3])[a-z]?");

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void allFourJurisdictionsLoad() {
        assertThat(CATALOGUE.jurisdictions()).containsExactlyInAnyOrder("FC", "ST", "LC", "QX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FC", "ST", "LC", "QX"})
    void everyJurisdictionHasMattersOfAllFourDomains(String jurisdiction) {
        CatalogueVersion version = CATALOGUE.inForce(jurisdiction, TODAY).orElseThrow();
        var services = version.list().stream().map(Matter::service).collect(Collectors.toSet());
        assertThat(services)
                .containsAll(EnumSet.of(
                        OwningService.ENTERPRISE_OPENING,
                        OwningService.CONSTRUCTION_PERMIT,
                        OwningService.PROPERTY_REGISTRATION,
                        OwningService.UTILITY_HOOKUP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FC", "ST", "LC", "QX"})
    void matterCodesAreSeedProcedureIds(String jurisdiction) {
        List<String> codes = CATALOGUE.inForce(jurisdiction, TODAY).orElseThrow().list().stream()
                .map(Matter::code)
                .toList();
        assertThat(codes).allMatch(code -> SEED_PROCEDURE_ID.matcher(code).matches(), "a seed procedure id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FC", "ST", "LC", "QX"})
    void everyMatterNamesItsSource(String jurisdiction) {
        assertThat(CATALOGUE.inForce(jurisdiction, TODAY).orElseThrow().list())
                .allSatisfy(matter -> assertThat(matter.source()).isNotBlank());
    }

    @Test
    void enterpriseOpeningPromisesDifferPerJurisdiction() {
        assertThat(approvalLimit("FC", "EO-1")).isEqualTo(TimeLimit.workingDays("0.5"));
        assertThat(approvalLimit("LC", "EO-1"))
                .isEqualTo(new TimeLimit(BigDecimal.valueOf(2), LimitUnit.WORKING_HOURS));
    }

    /** A-3, D-QX-06: 栖霞's "企业设立1个工作日办结" covers establishment registration, not the bundle. */
    @Test
    void qixiaPromisesOneWorkingDayForTheLicenceStepOnly() {
        Matter bundle =
                CATALOGUE.inForce("QX", TODAY).flatMap(v -> v.matter("EO-1")).orElseThrow();
        assertThat(bundle.approvalLimit().orElseThrow().stated()).isFalse();
        assertThat(bundle.stepLimits()).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo("business-licence");
            assertThat(step.limit()).contains(TimeLimit.workingDays(1));
        });
    }

    /** §6.11: only LC numbers its 12345 clocks (1 / 3 / 15 WD, to 30); the others state none. */
    @Test
    void onlyLiaochengPromisesAppealClocks() {
        Matter lc =
                CATALOGUE.inForce("LC", TODAY).flatMap(v -> v.matter("SV-1")).orElseThrow();
        assertThat(approvalLimit("LC", "SV-1")).isEqualTo(TimeLimit.workingDays("15"));
        assertThat(lc.approvalLimit().orElseThrow().extendableTo()).contains(TimeLimit.workingDays("30"));
        assertThat(lc.stepLimits())
                .extracting(MatterLimit::step, l -> l.limit().orElseThrow())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("verification-start", TimeLimit.workingDays("1")),
                        org.assertj.core.groups.Tuple.tuple("reply", TimeLimit.workingDays("3")));
        for (String other : List.of("FC", "ST", "QX")) {
            Matter appeal = CATALOGUE
                    .inForce(other, TODAY)
                    .flatMap(v -> v.matter("SV-1"))
                    .orElseThrow();
            assertThat(appeal.approvalLimit().orElseThrow().stated()).as(other).isFalse();
            assertThat(appeal.stepLimits()).as(other).isEmpty();
        }
    }

    private static TimeLimit approvalLimit(String jurisdiction, String code) {
        return CATALOGUE
                .inForce(jurisdiction, TODAY)
                .flatMap(v -> v.matter(code))
                .flatMap(Matter::approvalLimit)
                .flatMap(l -> l.limit())
                .orElseThrow();
    }
}
