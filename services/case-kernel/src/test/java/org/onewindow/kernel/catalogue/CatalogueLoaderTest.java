package org.onewindow.kernel.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueDefect;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.infrastructure.InvalidCatalogueException;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.LimitUnit;

class CatalogueLoaderTest {

    @Test
    void loadsAVersionWithItsMattersLimitsAndThresholds() {
        Catalogue catalogue = new CatalogueLoader().load("classpath*:fixtures/catalogue-valid");
        var version = catalogue.inForce("FC", LocalDate.of(2026, 11, 22)).orElseThrow();
        var bundle = version.matter("EO-1").orElseThrow();
        assertThat(bundle.service()).isEqualTo(OwningService.ENTERPRISE_OPENING);
        assertThat(bundle.approvalLimit().orElseThrow().limit().orElseThrow().unit())
                .isEqualTo(LimitUnit.WORKING_DAYS);
        assertThat(version.matter("UT-E1").orElseThrow().conditions()).hasSize(2);
        assertThat(version.matter("EO-9")
                        .orElseThrow()
                        .approvalLimit()
                        .orElseThrow()
                        .stated())
                .isFalse();
        assertThat(catalogue.owner("UT-E1")).contains(OwningService.UTILITY_HOOKUP);
    }

    @Test
    void noVersionIsInForceBeforeTheFirstTookEffect() {
        Catalogue catalogue = new CatalogueLoader().load("classpath*:fixtures/catalogue-valid");
        assertThat(catalogue.inForce("FC", LocalDate.of(2020, 1, 1))).isEmpty();
    }

    @Test
    void aBrokenCatalogueNamesFileMatterAndFieldOfEveryDefect() {
        assertThatThrownBy(() -> new CatalogueLoader().load("classpath*:fixtures/catalogue-broken"))
                .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> {
                    assertThat(e.defects())
                            .extracting(CatalogueDefect::file, CatalogueDefect::matter, CatalogueDefect::field)
                            .contains(
                                    org.assertj.core.groups.Tuple.tuple(
                                            "FC/2026.1/utility-hookup.yaml", "UT-E1", "limits[0].amount"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "FC/2026.1/utility-hookup.yaml", "UT-E1", "conditions[0].unit"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "FC/2026.1/utility-hookup.yaml", "UT-E2", "limits"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "FC/2026.1/utility-hookup.yaml", "UT-E2", "limits[0].pausesFor"));
                    assertThat(e.defects())
                            .extracting(CatalogueDefect::matter, CatalogueDefect::field)
                            .contains(
                                    org.assertj.core.groups.Tuple.tuple("UT-E3", "decisions"),
                                    org.assertj.core.groups.Tuple.tuple("UT-E3", "limits[1].extendableTo"),
                                    org.assertj.core.groups.Tuple.tuple("UT-E3", "limits[2].source"),
                                    org.assertj.core.groups.Tuple.tuple("UT-E3", "materials[0].comitmentAllowed"),
                                    org.assertj.core.groups.Tuple.tuple("UT-E3", "fees[0].amount"));
                    assertThat(e.getMessage()).contains("UT-E1", "conditions[0].unit", "kVA", "D-FC-99");
                });
    }

    @Test
    void anEmptyLocationIsADefectNotAnEmptyCatalogue() {
        assertThatThrownBy(() -> new CatalogueLoader().load("classpath*:fixtures/no-such-catalogue"))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("no catalogue files found");
    }
}
