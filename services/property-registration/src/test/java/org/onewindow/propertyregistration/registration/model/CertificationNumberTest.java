package org.onewindow.propertyregistration.registration.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CertificationNumberTest {

    @Test
    void namesTheYearTheJurisdictionAndTheCasesSequence() {
        assertThat(CertificationNumber.of("FC", LocalDate.of(2026, 12, 2), "FC-PR-20261202-000123-X"))
                .isEqualTo("鲁（2026）FC不动产证明第000123号");
    }
}
