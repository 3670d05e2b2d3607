package org.onewindow.kernel.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.kernel.fixtures.CalendarFixture.at;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.fixtures.CalendarFixture;

/** Due dates worked out by hand across National Day 2025 and Spring Festival 2026 (docs/clock.md). */
class StatutoryClockWorkedExamplesTest {

    private final StatutoryClock clock = CalendarFixture.shandongClock();

    private DueDate due(String acceptedAt, TimeLimit limit) {
        return clock.due(at(acceptedAt), limit);
    }

    @Nested
    class AcrossNationalDay2025 {
        // 2025-10-01..08 off; Sun 2025-09-28 and Sat 2025-10-11 are make-up working days

        @Test
        void oneWorkingDayFromTheEveSkipsTheWholeHoliday() {
            assertThat(due("2025-09-30T10:00", TimeLimit.workingDays(1)).at()).isEqualTo(at("2025-10-09T17:30"));
        }

        @Test
        void aMakeUpSundayCountsAsAWorkingDay() {
            assertThat(due("2025-09-26T16:00", TimeLimit.workingDays(2)).at()).isEqualTo(at("2025-09-29T17:30"));
        }

        @Test
        void halfAWorkingDayCarriesOfficeTimeOverTheHoliday() {
            // 3.5 office hours: 15:00–17:30 on 09-30, then 09:00–10:00 on 10-09
            assertThat(due("2025-09-30T15:00", TimeLimit.workingDays("0.5")).at())
                    .isEqualTo(at("2025-10-09T10:00"));
        }

        @Test
        void acceptanceOnAHolidayStartsAtTheNextOpening() {
            // 09:00–12:00 (3 h) then 13:30–14:00 (0.5 h)
            assertThat(due("2025-10-08T10:00", TimeLimit.workingDays("0.5")).at())
                    .isEqualTo(at("2025-10-09T14:00"));
        }

        @Test
        void aMakeUpSaturdayCountsInsideALongerLimit() {
            // 10-10 Fri (1), 10-11 Sat make-up (2), 10-13 (3), 10-14 (4), 10-15 (5)
            assertThat(due("2025-10-09T09:30", TimeLimit.workingDays(5)).at()).isEqualTo(at("2025-10-15T17:30"));
        }

        @Test
        void naturalDaysEndingOnAHolidayMoveToTheNextWorkingDay() {
            // 3 natural days from 09-29 end on 10-02, a holiday: 民法典 art. 203 moves it to 10-09
            assertThat(due("2025-09-29T11:00", TimeLimit.naturalDays(3)).at()).isEqualTo(at("2025-10-09T17:30"));
        }
    }

    @Nested
    class AcrossSpringFestival2026 {
        // 2026-02-15..23 off; Sat 2026-02-14 and Sat 2026-02-28 are make-up working days

        @Test
        void twoOfficeHoursFromFridayAfternoonEndOnTheMakeUpSaturday() {
            assertThat(due("2026-02-13T17:00", TimeLimit.workingHours(2)).at()).isEqualTo(at("2026-02-14T10:30"));
        }

        @Test
        void oneWorkingDayFromTheMakeUpSaturdayEndsAfterTheFestival() {
            assertThat(due("2026-02-14T11:00", TimeLimit.workingDays(1)).at()).isEqualTo(at("2026-02-24T17:30"));
        }

        @Test
        void twentyWorkingDaysCountBothMakeUpSaturdays() {
            assertThat(due("2026-02-12T09:00", TimeLimit.workingDays(20)).at()).isEqualTo(at("2026-03-18T17:30"));
        }

        @Test
        void immediateAfterCloseIsDueAtTheNextCloseOfBusiness() {
            assertThat(due("2026-02-13T18:00", TimeLimit.immediate()).at()).isEqualTo(at("2026-02-14T17:30"));
        }

        @Test
        void immediateDuringOfficeHoursIsDueTheSameDay() {
            assertThat(due("2026-02-13T10:00", TimeLimit.immediate()).at()).isEqualTo(at("2026-02-13T17:30"));
        }
    }

    @Nested
    class CivilCodeCounting {
        @Test
        void theStartDayIsNotCounted() {
            // Monday 2025-06-09, one working day: due Tuesday close of business, not Monday
            assertThat(due("2025-06-09T09:05", TimeLimit.workingDays(1)).at()).isEqualTo(at("2025-06-10T17:30"));
        }

        @Test
        void acceptanceOnSaturdayCountsFromMonday() {
            assertThat(due("2025-06-07T10:00", TimeLimit.workingDays(1)).at()).isEqualTo(at("2025-06-09T17:30"));
        }

        @Test
        void threeMonthsRollBackToAShorterMonthsEndThenOffTheWeekend() {
            // 2025-11-30 + 3 months = 2026-02-28 (a make-up Saturday, so a working day)
            assertThat(due("2025-11-30T10:00", TimeLimit.months(3)).at()).isEqualTo(at("2026-02-28T17:30"));
        }
    }

    @Nested
    class UnknownCalendar {
        @Test
        void aLimitReachingIntoAnUnpublishedYearSaysSo() {
            DueDate due = due("2026-12-20T10:00", TimeLimit.workingDays(20));
            assertThat(due.calendarKnown()).isFalse();
            assertThat(due.unknownYears()).containsExactly(2027);
        }

        @Test
        void aLimitInsideAPublishedYearIsKnown() {
            DueDate due = due("2026-06-01T10:00", TimeLimit.workingDays(20));
            assertThat(due.calendarKnown()).isTrue();
            assertThat(due.unknownYears()).isEmpty();
        }

        @Test
        void theCalendarKnowsWhichYearsArePublished() {
            var calendar = CalendarFixture.stateCouncil2019to2026();
            assertThat(calendar.knownYears()).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        }
    }
}
