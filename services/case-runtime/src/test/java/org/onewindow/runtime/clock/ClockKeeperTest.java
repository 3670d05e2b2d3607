package org.onewindow.runtime.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.ClockRuleViolation;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.runtime.clock.model.ClockStore;
import org.onewindow.runtime.fakes.RuntimeFixture;

class ClockKeeperTest {

    private static List<String> names(RuntimeFixture f, String caseNumber) {
        return f.clockStore.ofCase(caseNumber).stream()
                .map(ClockStore.Stored::name)
                .toList();
    }

    private static CaseClock clock(RuntimeFixture f, String caseNumber, String name) {
        return f.clockStore.ofCase(caseNumber).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + name))
                .clock();
    }

    private static String startAll(RuntimeFixture f, String jurisdiction, String matter) {
        String cn = f.fileCase(jurisdiction, matter);
        f.clocks.startAll(cn, f.version(jurisdiction), f.matter(jurisdiction, matter), f.now());
        return cn;
    }

    @Nested
    class StartingAtAcceptance {

        @Test
        void aNoticePeriodTheModelTimesItselfRunsNoClock() {
            RuntimeFixture f = RuntimeFixture.enterpriseOpening();
            assertThat(names(f, startAll(f, "FC", "EO-5"))).isEmpty();
        }

        @Test
        void withoutBeingAWaitingStepTheNoticeRunsAStepClockFromAcceptance() {
            RuntimeFixture f = RuntimeFixture.forService(OwningService.ENTERPRISE_OPENING)
                    .waitingSteps()
                    .build();
            String cn = startAll(f, "FC", "EO-5");
            assertThat(names(f, cn)).containsExactly("STEP:public-notice");
            assertThat(clock(f, cn, "STEP:public-notice").limit()).isEqualTo(TimeLimit.naturalDays(20));
        }

        @Test
        void aStageStepWaitsForItsStageWhileTheApprovalClockRuns() {
            RuntimeFixture f = RuntimeFixture.forService(OwningService.UTILITY_HOOKUP)
                    .stageSteps("joint-approval")
                    .build();
            assertThat(names(f, startAll(f, "FC", "UT-W2b"))).containsExactly("APPROVAL");
        }

        @Test
        void everyStatedLimitOtherwiseRunsFromAcceptanceWithItsLimitThresholdAndCeiling() {
            RuntimeFixture f =
                    RuntimeFixture.forService(OwningService.UTILITY_HOOKUP).build();
            String cn = startAll(f, "FC", "UT-W2b");
            assertThat(names(f, cn)).containsExactly("APPROVAL", "STEP:joint-approval");
            CaseClock joint = clock(f, cn, "STEP:joint-approval");
            assertThat(joint.startedAt()).isEqualTo(f.now());
            assertThat(joint.limit()).isEqualTo(TimeLimit.workingDays(3));
            assertThat(joint.extensionCeiling()).isEqualTo(TimeLimit.workingDays(5));
            assertThat(joint.warningThreshold()).isEqualByComparingTo("0.8");
            assertThat(clock(f, cn, "APPROVAL").limit()).isEqualTo(TimeLimit.workingDays(6));
        }

        @Test
        void aLimitNotStatedRunsNoClock() {
            RuntimeFixture f = RuntimeFixture.enterpriseOpening();
            assertThat(names(f, startAll(f, "FC", "EO-4"))).isEmpty();
        }

        @Test
        void aCaseDecidedAtTheWindowHasItsClocksStartedAndStoppedAtOnce() {
            RuntimeFixture f = RuntimeFixture.forService(OwningService.PROPERTY_REGISTRATION)
                    .build();
            String cn = f.fileCase("FC", "PR-1c");
            f.clocks.startStopped(cn, f.version("FC"), f.matter("FC", "PR-1c"), f.now());
            assertThat(f.clockStore.ofCase(cn)).singleElement().satisfies(s -> {
                assertThat(s.clock().limit()).isEqualTo(TimeLimit.immediate());
                assertThat(s.clock().stoppedAt()).isEqualTo(f.now());
            });
        }
    }

    @Nested
    class Stages {

        private final RuntimeFixture f = RuntimeFixture.forService(OwningService.UTILITY_HOOKUP)
                .stageSteps("joint-approval")
                .build();

        private final String cn = startAll(f, "FC", "UT-W2b");

        private void startJointApproval() {
            f.clocks.startStep(cn, "FC", "2026.1", "UT-W2b", "joint-approval", f.now());
        }

        @Test
        void aStageClockStartsWhenTheStageBeginsAndOnceOnly() {
            f.clock.set("2026-03-03T10:00");
            Instant began = f.now();
            startJointApproval();
            f.clock.set("2026-03-03T11:00");
            startJointApproval();
            assertThat(names(f, cn)).containsExactly("APPROVAL", "STEP:joint-approval");
            CaseClock joint = clock(f, cn, "STEP:joint-approval");
            assertThat(joint.startedAt()).isEqualTo(began);
            assertThat(joint.limit()).isEqualTo(TimeLimit.workingDays(3));
        }

        @Test
        void aStageClockStopsWhenTheStageIsDoneAndIsNotStartedAgain() {
            startJointApproval();
            f.clock.set("2026-03-04T16:00");
            f.clocks.stopStep(cn, "joint-approval", f.now());
            Instant stopped = f.now();
            f.clock.set("2026-03-05T09:30");
            f.clocks.stopStep(cn, "joint-approval", f.now());
            startJointApproval();
            assertThat(f.clockStore.ofCase(cn))
                    .filteredOn(s -> s.name().equals("STEP:joint-approval"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.clock().stoppedAt()).isEqualTo(stopped));
            assertThat(clock(f, cn, "APPROVAL").stoppedAt()).isNull();
        }

        @Test
        void aStepWithoutAStatedLimitStartsNoClock() {
            f.clocks.startStep(cn, "FC", "2026.1", "UT-W2b", "site-survey", f.now());
            assertThat(names(f, cn)).containsExactly("APPROVAL");
        }

        @Test
        void aStageOfACatalogueVersionThatDoesNotExistIsAnError() {
            assertThatThrownBy(() -> f.clocks.startStep(cn, "FC", "1999.1", "UT-W2b", "joint-approval", f.now()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1999.1");
        }
    }

    @Nested
    class PausingAndStopping {

        @Test
        void aPauseStopsTheApprovalClockAndOnlyTheStepClocksWhoseLimitsExcludeTheReason() {
            RuntimeFixture f = RuntimeFixture.forService(OwningService.UTILITY_HOOKUP)
                    .catalogue(RuntimeFixture.catalogueWithApprovalLimit(
                            "FC", "UT-W2b", l -> RuntimeFixture.pausingFor(l, PauseReason.CUSTOMER_WORKS)))
                    .build();
            String cn = startAll(f, "FC", "UT-W2b");
            f.clock.advance(Duration.ofHours(1));
            f.clocks.pause(cn, PauseReason.CUSTOMER_WORKS, f.now());
            assertThat(clock(f, cn, "APPROVAL").openPause())
                    .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.CUSTOMER_WORKS));
            assertThat(clock(f, cn, "STEP:joint-approval").openPause()).isEmpty();
            assertThat(f.clocks.openPauses(cn)).hasSize(1);

            f.clock.advance(Duration.ofHours(1));
            assertThat(f.clocks.resume(cn, f.now())).isTrue();
            assertThat(f.clocks.openPauses(cn)).isEmpty();
            assertThat(f.clocks.resume(cn, f.now()))
                    .as("nothing is paused any more")
                    .isFalse();
        }

        @Test
        void theWholeProcessClockRunsOnThroughAPause() {
            RuntimeFixture f = RuntimeFixture.forService(OwningService.CONSTRUCTION_PERMIT)
                    .catalogue(RuntimeFixture.catalogueWithApprovalLimit(
                            "QX", "CP-8", l -> RuntimeFixture.pausingFor(l, PauseReason.EXPERT_REVIEW)))
                    .build();
            String cn = startAll(f, "QX", "CP-8");
            f.clocks.pause(cn, PauseReason.EXPERT_REVIEW, f.now());
            assertThat(clock(f, cn, "APPROVAL").openPause()).isPresent();
            assertThat(clock(f, cn, "WHOLE_PROCESS").pauses()).isEmpty();
        }

        @Test
        void aReasonTheApprovalLimitDoesNotExcludeIsRefusedAndNothingIsPaused() {
            RuntimeFixture f =
                    RuntimeFixture.forService(OwningService.UTILITY_HOOKUP).build();
            String cn = startAll(f, "FC", "UT-W2b");
            assertThatThrownBy(() -> f.clocks.pause(cn, PauseReason.HEARING, f.now()))
                    .isInstanceOfSatisfying(
                            ClockRuleViolation.class, e -> assertThat(e.code()).isEqualTo("clock.pause-not-allowed"));
            assertThat(f.clockStore.ofCase(cn))
                    .allSatisfy(s -> assertThat(s.clock().pauses()).isEmpty());
        }

        @Test
        void theDecisionStopsTheApprovalClockAndDeliveryTheRest() {
            RuntimeFixture f =
                    RuntimeFixture.forService(OwningService.CONSTRUCTION_PERMIT).build();
            String cn = startAll(f, "QX", "CP-8");
            f.clock.set("2026-03-10T10:00");
            Instant decided = f.now();
            f.clocks.stop(cn, EnumSet.of(ClockKind.APPROVAL, ClockKind.STEP), decided);
            assertThat(clock(f, cn, "APPROVAL").stoppedAt()).isEqualTo(decided);
            assertThat(clock(f, cn, "WHOLE_PROCESS").stoppedAt()).isNull();
            assertThat(f.clocks.approvalDue(cn, "QX", f.now())).isPresent();

            f.clock.set("2026-03-11T10:00");
            f.clocks.stop(cn, EnumSet.allOf(ClockKind.class), f.now());
            assertThat(clock(f, cn, "APPROVAL").stoppedAt())
                    .as("a stopped clock keeps its time")
                    .isEqualTo(decided);
            assertThat(clock(f, cn, "WHOLE_PROCESS").stoppedAt()).isEqualTo(f.now());
        }

        @Test
        void aPausedClockIsStoppedAtTheEndOfItsPause() {
            RuntimeFixture f = RuntimeFixture.enterpriseOpening();
            String cn = startAll(f, "FC", "EO-1");
            f.clock.set("2026-03-02T10:00");
            f.clocks.pause(cn, PauseReason.APPLICANT_SUPPLEMENT, f.now());
            f.clock.set("2026-03-02T11:00");
            f.clocks.stop(cn, EnumSet.allOf(ClockKind.class), f.now());
            CaseClock approval = clock(f, cn, "APPROVAL");
            assertThat(approval.stoppedAt()).isEqualTo(f.now());
            assertThat(approval.pauses()).singleElement().satisfies(p -> assertThat(p.to())
                    .isEqualTo(f.now()));
        }
    }
}
