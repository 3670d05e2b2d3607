package org.onewindow.propertyregistration.register.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.problem.model.Rejection;

class RegisterRuleTest {

    static final String UNIT = "370404001001GB00001F00010101";
    static final String DEVELOPER = "91110105MA01FC010D";

    static PropertyUnit unit(PropertyUnit.Status status, int seizures, int mortgages) {
        return new PropertyUnit(
                UNIT,
                "FC",
                null,
                "1号楼",
                "峰城区振兴路 18 号 1 号楼 101 室",
                status,
                status == PropertyUnit.Status.READY ? null : new Owner("PERSON", "王建国", null, "370404198001011234"),
                null,
                seizures,
                mortgages);
    }

    static Optional<Rejection> check(RegistrationKind kind, PropertyUnit unit) {
        return RegisterRule.check(kind, "FC", UNIT, Optional.ofNullable(unit));
    }

    @Test
    void aSeizureForbidsTransferMortgageAndCancellationButNotASecondSeizureOrARelease() {
        PropertyUnit seized = unit(PropertyUnit.Status.REGISTERED, 1, 1);
        for (RegistrationKind kind : RegistrationKind.values()) {
            if (!kind.concernsRegisteredUnit()) {
                continue;
            }
            Optional<Rejection> why = check(kind, seized);
            if (kind.blockedBySeizure()) {
                assertThat(why).as(kind.name()).hasValueSatisfying(r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                    assertThat(r.code()).isEqualTo("unit.seized");
                    assertThat(r.reason().zh()).contains(kind.zh());
                    assertThat(r.violations()).extracting(v -> v.field()).containsExactly("data.unitNumber");
                });
            } else {
                assertThat(why).as(kind.name()).isEmpty();
            }
        }
        assertThat(RegistrationKind.TRANSFER.blockedBySeizure()).isTrue();
        assertThat(RegistrationKind.SEIZURE.blockedBySeizure()).isFalse();
    }

    @Test
    void aUnitMustBeOnTheRegisterHereAndFirstRegistered() {
        assertThat(check(RegistrationKind.MORTGAGE, null))
                .hasValueSatisfying(r -> assertThat(r.reason().zh()).startsWith("抵押的不动产单元"));
        assertThat(check(RegistrationKind.TRANSFER, null))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("unit.unknown"));
        assertThat(RegisterRule.check(
                        RegistrationKind.TRANSFER, "QX", UNIT, Optional.of(unit(PropertyUnit.Status.REGISTERED, 0, 0))))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("unit.other-jurisdiction"));
        assertThat(check(RegistrationKind.TRANSFER, unit(PropertyUnit.Status.READY, 0, 0)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("unit.not-registered"));
        assertThat(check(RegistrationKind.MORTGAGE, unit(PropertyUnit.Status.CANCELLED, 0, 0)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("unit.cancelled"));
        assertThat(check(RegistrationKind.TRANSFER, unit(PropertyUnit.Status.REGISTERED, 0, 2)))
                .isEmpty();
    }

    @Test
    void onlyAMortgagedUnitIsReleased() {
        assertThat(check(RegistrationKind.MORTGAGE_RELEASE, unit(PropertyUnit.Status.REGISTERED, 0, 0)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("unit.not-mortgaged"));
        assertThat(check(RegistrationKind.MORTGAGE_RELEASE, unit(PropertyUnit.Status.REGISTERED, 0, 1)))
                .isEmpty();
    }

    @Test
    void aFirstRegistrationNeedsTheCompletionAcceptanceUnlessAppliedForWithIt() {
        String code = "2026-371502-47-03-000321";
        assertThat(RegisterRule.checkFirst("LC", code, DEVELOPER, Optional.empty(), 0, false))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("project.not-completed"));
        assertThat(RegisterRule.checkFirst("ST", code, DEVELOPER, Optional.empty(), 0, true))
                .isEmpty();
        CompletedProject project = new CompletedProject(
                code,
                "LC",
                "柳园新居",
                null,
                DEVELOPER,
                LocalDate.of(2026, 11, 24),
                "LC-CP-20261124-000001-K",
                "CP-9",
                "e-1",
                Instant.EPOCH,
                Instant.EPOCH,
                42);
        assertThat(RegisterRule.checkFirst("LC", code, DEVELOPER, Optional.of(project), 42, false))
                .isEmpty();
        assertThat(RegisterRule.checkFirst("LC", code, "91370000MA00000001", Optional.of(project), 42, false))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("project.not-developer"));
        assertThat(RegisterRule.checkFirst("LC", code, DEVELOPER, Optional.of(project), 0, false))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("project.first-registered"));
        assertThat(RegisterRule.checkFirst("QX", code, DEVELOPER, Optional.of(project), 42, false))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("project.other-jurisdiction"));
    }
}
