package org.onewindow.kernel.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.kernel.fixtures.CalendarFixture.at;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.ClockRuleViolation;
import org.onewindow.kernel.clock.model.LimitUnit;
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

    @Nested
    class NextCheck {
        @Test
        void aGreenClockIsNextLookedAtWhenItsWarningShareIsUsed() {
            // accepted Monday 09:00, due the next Monday 17:30: 42 office hours; 80 % = 33 h 36 min,
            // Monday to Thursday 28 h, then Friday 09:00-12:00 and 13:30-16:06
            CaseClock c = fiveDayApproval();
            assertThat(c.nextCheck(clock, SlaLevel.GREEN)).contains(at("2025-06-13T16:06"));
            assertThat(c.level(clock, at("2025-06-13T16:05:59"))).isEqualTo(SlaLevel.GREEN);
            assertThat(c.level(clock, at("2025-06-13T16:06"))).isEqualTo(SlaLevel.YELLOW);
        }

        @Test
        void aYellowClockIsNextLookedAtWhenItIsDue() {
            assertThat(fiveDayApproval().nextCheck(clock, SlaLevel.YELLOW)).contains(at("2025-06-16T17:30"));
        }

        @Test
        void aClosedPauseMovesTheWarningByThePausedOfficeTime() {
            CaseClock c = fiveDayApproval()
                    .pause(PauseReason.PUBLIC_NOTICE, at("2025-06-10T09:00"))
                    .resume(at("2025-06-12T09:00"));
            assertThat(c.nextCheck(clock, SlaLevel.GREEN)).contains(at("2025-06-17T16:06"));
            assertThat(c.level(clock, at("2025-06-17T16:05:59"))).isEqualTo(SlaLevel.GREEN);
            assertThat(c.level(clock, at("2025-06-17T16:06"))).isEqualTo(SlaLevel.YELLOW);
        }

        @Test
        void aRedStoppedOrPausedClockNeedsNoLook() {
            assertThat(fiveDayApproval().nextCheck(clock, SlaLevel.RED)).isEmpty();
            assertThat(fiveDayApproval().stop(at("2025-06-10T09:00")).nextCheck(clock, SlaLevel.GREEN))
                    .isEmpty();
            assertThat(fiveDayApproval()
                            .pause(PauseReason.APPLICANT_SUPPLEMENT, at("2025-06-10T09:00"))
                            .nextCheck(clock, SlaLevel.GREEN))
                    .isEmpty();
        }

        /**
         * Whatever the unit and whenever the case was accepted (night, weekend, before a holiday),
         * the level is still green a second before the next check and has risen at it: the scan
         * neither misses nor delays a card.
         */
        @Test
        void theLevelRisesExactlyAtTheNextCheck() {
            List<TimeLimit> limits = List.of(
                    TimeLimit.workingDays(5),
                    new TimeLimit(new BigDecimal("0.5"), LimitUnit.WORKING_DAYS),
                    new TimeLimit(new BigDecimal("4"), LimitUnit.WORKING_HOURS),
                    new TimeLimit(new BigDecimal("20"), LimitUnit.NATURAL_DAYS));
            Instant from = at("2025-09-26T00:00"); // the week before 国庆
            int checked = 0;
            for (TimeLimit limit : limits) {
                for (int step = 0; step < 7 * 24 * 60; step += 97) {
                    Instant accepted = from.plusSeconds(step * 60L);
                    CaseClock c = CaseClock.start(
                            ClockKind.APPROVAL, null, accepted, limit, Set.of(), new BigDecimal("0.8"), null);
                    Instant warning = c.nextCheck(clock, SlaLevel.GREEN).orElseThrow();
                    Instant due = c.nextCheck(clock, SlaLevel.YELLOW).orElseThrow();
                    assertThat(c.level(clock, warning.minusSeconds(1)))
                            .as("%s accepted %s, a second before %s", limit, accepted, warning)
                            .isEqualTo(SlaLevel.GREEN);
                    assertThat(c.level(clock, warning))
                            .as("%s accepted %s", limit, accepted)
                            .isEqualTo(SlaLevel.YELLOW);
                    assertThat(c.level(clock, due)).isNotEqualTo(SlaLevel.RED);
                    assertThat(c.level(clock, due.plusSeconds(1))).isEqualTo(SlaLevel.RED);
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(4 * 104);
        }
    }
}
