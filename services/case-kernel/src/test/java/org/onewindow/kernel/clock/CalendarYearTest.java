package org.onewindow.kernel.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.onewindow.kernel.fixtures.CalendarFixture.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.clock.model.CalendarYear;
import org.onewindow.kernel.clock.model.CalendarYear.Day;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.kernel.clock.model.OfficeHours;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.fixtures.CalendarFixture;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

class CalendarYearTest {

    /** A 2027 notice as the State Council might publish it: 元旦 and a Spring Festival with 调休. */
    private static List<Day> days2027() {
        return List.of(
                new Day("2027-01-01", "OFF", "元旦"),
                new Day("2027-02-06", "WORK", "春节"), // a Saturday
                new Day("2027-02-08", "OFF", "春节"),
                new Day("2027-02-09", "OFF", "春节"));
    }

    @Nested
    class Validation {
        @Test
        void aWellFormedYearIsAccepted() {
            CalendarYear year = CalendarYear.of(2027, "国办发明电〔2026〕X号", days2027());
            assertThat(year.holidays()).isEqualTo(3);
            assertThat(year.makeUpDays()).isEqualTo(1);
        }

        @Test
        void everyWrongDayIsNamedOnItsFieldWithTheChineseReason() {
            List<Day> bad = List.of(
                    new Day("2027-01-04", "WORK", "元旦"), // a Monday
                    new Day("2027-01-01", "OFF", "元旦"),
                    new Day("2027-01-01", "OFF", "元旦"),
                    new Day("2028-01-01", "OFF", "元旦"),
                    new Day("2027-13-01", "OFF", "x"),
                    new Day("2027-03-01", "HOLIDAY", " "));
            assertThatThrownBy(() -> CalendarYear.of(2027, " ", bad))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.violations())
                            .extracting(FieldViolation::field, FieldViolation::code)
                            .containsExactlyInAnyOrder(
                                    tuple("notice", "calendar.notice-missing"),
                                    tuple("days[0].kind", "calendar.make-up-on-weekday"),
                                    tuple("days[2].date", "calendar.date-twice"),
                                    tuple("days[3].date", "calendar.other-year"),
                                    tuple("days[4].date", "calendar.date"),
                                    tuple("days[5].kind", "calendar.kind"),
                                    tuple("days[5].name", "calendar.name-missing")));
        }

        @Test
        void aYearWithoutDaysIsRefused() {
            assertThatThrownBy(() -> CalendarYear.of(2027, "n", List.of())).isInstanceOf(Rejection.class);
        }
    }

    @Nested
    class Loading {
        private final HolidayCalendar built = CalendarFixture.stateCouncil2019to2026();
        private final CalendarYear year2027 = CalendarYear.of(2027, "notice", days2027());

        @Test
        void theNextYearBecomesKnownAndItsDaysCount() {
            HolidayCalendar next = built.with(year2027);
            assertThat(next.isKnown(2027)).isTrue();
            assertThat(next.lastKnownYear()).isEqualTo(2027);
            assertThat(next.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
            assertThat(next.isWorkingDay(LocalDate.of(2027, 2, 6)))
                    .as("调休 Saturday")
                    .isTrue();
            assertThat(next.isWorkingDay(LocalDate.of(2026, 10, 1)))
                    .as("earlier years untouched")
                    .isFalse();
        }

        @Test
        void aYearThatWouldLeaveAGapIsRefused() {
            CalendarYear year2029 = CalendarYear.of(2029, "n", List.of(new Day("2029-01-01", "OFF", "元旦")));
            assertThatThrownBy(() -> built.with(year2029)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aCorrectedNoticeReplacesItsYearWhole() {
            HolidayCalendar corrected = built.with(year2027)
                    .with(CalendarYear.of(2027, "corrected", List.of(new Day("2027-01-01", "OFF", "元旦"))));
            assertThat(corrected.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue();
            assertThat(corrected.notices().get(2027)).isEqualTo("corrected");
        }

        @Test
        void aClockStartedBeforeTheLoadKeepsItsDueDateUntilItIsMovedOnPurpose() {
            LiveCalendar live = new LiveCalendar(built);
            // 5 WD from Wednesday 2026-12-30 10:00: under the built calendar 2027 is weekends only
            CaseClock clock = CaseClock.start(
                            ClockKind.APPROVAL,
                            null,
                            at("2026-12-30T10:00"),
                            TimeLimit.workingDays(5),
                            Set.of(),
                            new BigDecimal("0.8"),
                            null)
                    .under(live.current().lastKnownYear());
            var before = clock.due(statutory(live.through(clock.calendarThrough())), at("2026-12-30T10:00"));
            assertThat(before.calendarKnown()).isFalse();

            live.load(year2027);

            var after = clock.due(statutory(live.through(clock.calendarThrough())), at("2026-12-30T10:00"));
            assertThat(after).as("the promise stands").isEqualTo(before);
            var moved = clock.under(2027).due(statutory(live.through(2027)), at("2026-12-30T10:00"));
            assertThat(moved.calendarKnown()).isTrue();
            assertThat(moved.at()).as("元旦 2027 is off: one working day later").isEqualTo(at("2027-01-07T17:30"));
            assertThat(before.at()).isEqualTo(at("2027-01-06T17:30"));
        }

        private StatutoryClock statutory(HolidayCalendar calendar) {
            return new StatutoryClock(calendar, OfficeHours.DEFAULT, CalendarFixture.SHANGHAI);
        }
    }
}
