package org.onewindow.runtime.casefile.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy;

class CaseFileTest {

    private static final Instant ACCEPTED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant HANDED_OVER = Instant.parse("2026-03-02T06:00:00Z");

    private static CaseFile inStatus(CaseStatus status) {
        return new CaseFile(
                "FC-EO-20260302-000001-X",
                "FC",
                "EO-1",
                "2026.1",
                Channel.ONLINE,
                status,
                "ACCEPTED",
                new CaseFile.Party("ENTERPRISE", "峰城商贸有限公司", "91370400MA3C000011"),
                "sub-shangmao",
                "sub-shangmao",
                "market-registration",
                ACCEPTED,
                Instant.parse("2026-03-02T06:00:00Z"),
                null,
                true,
                null,
                null,
                null,
                Map.of("uscc", "91370400MA3C000037"),
                null,
                List.of(),
                List.of());
    }

    @Test
    void anOpenCaseIsApprovedDeniedOrWithdrawn() {
        assertThat(inStatus(CaseStatus.IN_PROGRESS).approve().status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(inStatus(CaseStatus.IN_PROGRESS).deny().status()).isEqualTo(CaseStatus.DENIED);
        assertThat(inStatus(CaseStatus.IN_PROGRESS).withdraw().status()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void anApprovedCaseIsDeliveredAndKeepsWhenItWasHandedOver() {
        CaseFile delivered = inStatus(CaseStatus.APPROVED).deliver(HANDED_OVER);
        assertThat(delivered.status()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(HANDED_OVER);
    }

    @Test
    void aCaseDecidedAtTheWindowIsApprovedAndDeliveredInOneMove() {
        CaseFile done = inStatus(CaseStatus.IN_PROGRESS).completeImmediately(ACCEPTED);
        assertThat(done.status()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(done.deliveredAt()).isEqualTo(ACCEPTED);
    }

    @Test
    void aMoveChangesNothingButTheStatusAndLeavesTheReadCaseAsItWas() {
        CaseFile read = inStatus(CaseStatus.APPROVED);
        CaseFile delivered = read.deliver(HANDED_OVER);
        assertThat(delivered)
                .usingRecursiveComparison()
                .ignoringFields("status", "deliveredAt")
                .isEqualTo(read);
        assertThat(read.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(read.deliveredAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
    void aDecidedCaseIsNotApprovedAgain(CaseStatus status) {
        refused(status, CaseFile::approve, "case.decided");
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
    void aDecidedCaseIsNotDenied(CaseStatus status) {
        refused(status, CaseFile::deny, "case.decided");
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
    void aDecidedCaseIsNotWithdrawn(CaseStatus status) {
        refused(status, CaseFile::withdraw, "case.decided");
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "IN_PROGRESS", mode = EnumSource.Mode.EXCLUDE)
    void aDecidedCaseIsNotCompletedAtTheWindow(CaseStatus status) {
        refused(status, f -> f.completeImmediately(HANDED_OVER), "case.decided");
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAnApprovedCaseIsDelivered(CaseStatus status) {
        refused(status, f -> f.deliver(HANDED_OVER), "case.not-approved");
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseStatus.class,
            names = {"DENIED", "DELIVERED", "WITHDRAWN"})
    void aClosedCaseTakesNoMoreChanges(CaseStatus status) {
        assertThatThrownBy(() -> inStatus(status).requireOpen()).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
            assertThat(r.code()).isEqualTo("case.closed");
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseStatus.class,
            names = {"IN_PROGRESS", "APPROVED"})
    void aCaseInProgressOrAwaitingDeliveryIsStillOpen(CaseStatus status) {
        assertThatCode(() -> inStatus(status).requireOpen()).doesNotThrowAnyException();
    }

    @Test
    void onlyAnOpenCaseIsUndecidedAndOnlyDeniedDeliveredOrWithdrawnOnesAreClosed() {
        assertThat(CaseStatus.values())
                .filteredOn(CaseStatus::decided)
                .containsExactlyInAnyOrder(
                        CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.DELIVERED, CaseStatus.WITHDRAWN);
        assertThat(CaseStatus.values())
                .filteredOn(CaseStatus::closed)
                .containsExactlyInAnyOrder(CaseStatus.DENIED, CaseStatus.DELIVERED, CaseStatus.WITHDRAWN);
    }

    @Test
    void resultsAreMergedNameByName() {
        CaseFile file = inStatus(CaseStatus.IN_PROGRESS).withResults(Map.of("sealNumber", "FC-SEAL-7"));
        assertThat(file.results()).containsOnlyKeys("uscc", "sealNumber");
        assertThat(file.withResults(Map.of("uscc", "91370400MA3C000011")).results())
                .containsEntry("uscc", "91370400MA3C000011")
                .containsEntry("sealNumber", "FC-SEAL-7");
    }

    @Test
    void itsScopeIsItsJurisdictionApplicantLoginAndCreditCode() {
        assertThat(inStatus(CaseStatus.IN_PROGRESS).scope())
                .isEqualTo(new AccessPolicy.CaseScope("FC", "sub-shangmao", "91370400MA3C000011"));
    }

    @Test
    void aLinkReadFromTheOtherSideIsItsInverse() {
        assertThat(new CaseLink("B", CaseLink.Kind.COMPONENT).inverse()).isEqualTo(CaseLink.Kind.PART_OF);
        assertThat(new CaseLink("B", CaseLink.Kind.PART_OF).inverse()).isEqualTo(CaseLink.Kind.COMPONENT);
        assertThat(new CaseLink("B", CaseLink.Kind.NEXT).inverse()).isEqualTo(CaseLink.Kind.PREVIOUS);
        assertThat(new CaseLink("B", CaseLink.Kind.PREVIOUS).inverse()).isEqualTo(CaseLink.Kind.NEXT);
    }

    private static void refused(CaseStatus status, UnaryOperator<CaseFile> move, String code) {
        assertThatThrownBy(() -> move.apply(inStatus(status))).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
            assertThat(r.code()).isEqualTo(code);
        });
    }
}
