package org.onewindow.kernel.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.kernel.fixtures.CalendarFixture.at;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.ClockRuleViolation;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.fixtures.CalendarFixture;

class CaseClockTest {

    private final StatutoryClock clock = CalendarFixture.shandongClock();

    /** 5 WD approval clock accepted Monday 2025-06-09 09:00; due Monday 2025-06-16 17:30. */
    private CaseClock fiveDayApproval() {
        return CaseClock.start(
                ClockKind.APPROVAL,
                null,
                at("2025-06-09T09:00"),
                TimeLimit.workingDays(5),
                Set.of(PauseReason.PUBLIC_NOTICE, PauseReason.APPLICANT_SUPPLEMENT),
                new BigDecimal("0.8"),
                TimeLimit.workingDays(8));
    }

    @Test
    void dueWithoutPauses() {
        assertThat(fiveDayApproval().due(clock, at("2025-06-09T09:00")).at()).isEqualTo(at("2025-06-16T17:30"));
    }

    @Nested
    class Pausing {
        @Test
        void twoWorkingDaysOfPublicNoticeMoveTheDueDateTwoWorkingDays() {
            CaseClock c = fiveDayApproval()
                    .pause(PauseReason.PUBLIC_NOTICE, at("2025-06-10T09:00"))
                    .resume(at("2025-06-12T09:00"));
            assertThat(c.due(clock, at("2025-06-12T09:00")).at()).isEqualTo(at("2025-06-18T17:30"));
        }

        @Test
        void whilePausedTheDueDateKeepsMoving() {
            CaseClock paused = fiveDayApproval().pause(PauseReason.APPLICANT_SUPPLEMENT, at("2025-06-10T09:00"));
            assertThat(paused.level(clock, at("2025-06-11T09:00"))).isEqualTo(SlaLevel.PAUSED);
            assertThat(paused.due(clock, at("2025-06-11T09:00")).at()).isEqualTo(at("2025-06-17T17:30"));
        }

        @Test
        void aReasonTheLimitDoesNotExcludeIsRefused() {
            assertThatThrownBy(() -> fiveDayApproval().pause(PauseReason.HEARING, at("2025-06-10T09:00")))
                    .isInstanceOf(ClockRuleViolation.class)
                    .hasMessageContaining("HEARING");
        }

        @Test
        void theWholeProcessClockNeverPauses() {
            CaseClock whole = CaseClock.start(
                    ClockKind.WHOLE_PROCESS,
                    null,
                    at("2025-06-09T09:00"),
                    TimeLimit.workingDays(100),
                    Set.of(PauseReason.PUBLIC_NOTICE),
                    new BigDecimal("0.8"),
                    null);
            assertThatThrownBy(() -> whole.pause(PauseReason.PUBLIC_NOTICE, at("2025-06-10T09:00")))
                    .isInstanceOf(ClockRuleViolation.class)
                    .extracting(e -> ((ClockRuleViolation) e).code())
                    .isEqualTo("clock.not-pausable");
        }

        @Test
        void resumingARunningClockIsRefused() {
            assertThatThrownBy(() -> fiveDayApproval().resume(at("2025-06-10T09:00")))
                    .isInstanceOf(ClockRuleViolation.class);
        }
    }

    @Nested
    class Extending {
        @Test
        void anAuthorisedExtensionAddsWorkingDays() {
            CaseClock c = fiveDayApproval()
                    .extend(TimeLimit.workingDays(3), "施工方案重大调整", "fc-supervisor", at("2025-06-12T10:00"));
            assertThat(c.due(clock, at("2025-06-12T10:00")).at()).isEqualTo(at("2025-06-19T17:30"));
        }

        @Test
        void anExtensionBeyondTheCataloguesCeilingIsRefused() {
            assertThatThrownBy(() -> fiveDayApproval()
                            .extend(TimeLimit.workingDays(4), "reason", "fc-supervisor", at("2025-06-12T10:00")))
                    .isInstanceOf(ClockRuleViolation.class)
                    .extracting(e -> ((ClockRuleViolation) e).code())
                    .isEqualTo("clock.extension-beyond-ceiling");
        }

        @Test
        void anExtensionWithoutReasonIsRefused() {
            assertThatThrownBy(
                            () -> fiveDayApproval().extend(TimeLimit.workingDays(1), " ", "x", at("2025-06-12T10:00")))
                    .isInstanceOf(ClockRuleViolation.class);
        }
    }

    @Nested
    class WarningAndBreach {
        @Test
        void greenEarlyYellowAfterTheThresholdRedAfterTheDueDate() {
            CaseClock c = fiveDayApproval();
            assertThat(c.level(clock, at("2025-06-10T10:00"))).isEqualTo(SlaLevel.GREEN);
            // 5 WD = 35 office hours; 80 % = 28 h, reached on 06-13 (day 4) at 12:00 + ...
            assertThat(c.level(clock, at("2025-06-16T10:00"))).isEqualTo(SlaLevel.YELLOW);
            assertThat(c.level(clock, at("2025-06-16T17:31"))).isEqualTo(SlaLevel.RED);
        }

        @Test
        void aStoppedClockReportsStoppedOrRedIfItStoppedLate() {
            assertThat(fiveDayApproval().stop(at("2025-06-12T10:00")).level(clock, at("2025-07-01T10:00")))
                    .isEqualTo(SlaLevel.STOPPED);
            assertThat(fiveDayApproval().stop(at("2025-06-17T10:00")).level(clock, at("2025-07-01T10:00")))
                    .isEqualTo(SlaLevel.RED);
        }
    }
}
