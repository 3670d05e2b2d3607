package org.onewindow.kernel.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.fixtures.CalendarFixture;

/** Laws the clock must obey for every start instant in the published years. */
class StatutoryClockPropertiesTest {

    private final StatutoryClock clock = CalendarFixture.shandongClock();
    private final HolidayCalendar calendar = CalendarFixture.stateCouncil2019to2026();

    @Provide
    Arbitrary<Instant> starts() {
        long from = CalendarFixture.at("2019-01-01T00:00").getEpochSecond();
        long to = CalendarFixture.at("2026-06-30T23:59").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<BigDecimal> halfDays() {
        return Arbitraries.integers().between(1, 80).map(n -> BigDecimal.valueOf(n)
                .divide(BigDecimal.valueOf(2)));
    }

    @Property
    void aWorkingDayDueDateIsAlwaysAWorkingDayAtCloseOfBusiness(
            @ForAll("starts") Instant start, @ForAll @IntRange(min = 1, max = 60) int days) {
        ZonedDateTime due = CalendarFixture.local(
                clock.due(start, TimeLimit.workingDays(days)).at());
        assertThat(calendar.isWorkingDay(due.toLocalDate())).isTrue();
        assertThat(due.toLocalTime()).isEqualTo(clock.officeHours().closing());
    }

    @Property
    void laterAcceptanceIsNeverDueEarlier(
            @ForAll("starts") Instant a, @ForAll("starts") Instant b, @ForAll("halfDays") BigDecimal days) {
        Instant first = a.isBefore(b) ? a : b;
        Instant second = a.isBefore(b) ? b : a;
        TimeLimit limit = new TimeLimit(days, org.onewindow.kernel.clock.model.LimitUnit.WORKING_DAYS);
        assertThat(clock.due(second, limit).at())
                .isAfterOrEqualTo(clock.due(first, limit).at());
    }

    @Property
    void aLongerLimitIsNeverDueEarlier(
            @ForAll("starts") Instant start, @ForAll("halfDays") BigDecimal a, @ForAll("halfDays") BigDecimal b) {
        var unit = org.onewindow.kernel.clock.model.LimitUnit.WORKING_DAYS;
        BigDecimal shorter = a.min(b);
        BigDecimal longer = a.max(b);
        assertThat(clock.due(start, new TimeLimit(longer, unit)).at())
                .isAfterOrEqualTo(clock.due(start, new TimeLimit(shorter, unit)).at());
    }

    @Property
    void theDueDateIsNeverBeforeAcceptance(@ForAll("starts") Instant start, @ForAll("halfDays") BigDecimal days) {
        var limit = new TimeLimit(days, org.onewindow.kernel.clock.model.LimitUnit.WORKING_DAYS);
        assertThat(clock.due(start, limit).at()).isAfter(start);
    }

    @Property
    void workingDaysAreAdditive(
            @ForAll("starts") Instant start,
            @ForAll @IntRange(min = 1, max = 40) int a,
            @ForAll @IntRange(min = 1, max = 40) int b) {
        Instant stepwise = clock.due(clock.due(start, TimeLimit.workingDays(a)).at(), TimeLimit.workingDays(b))
                .at();
        assertThat(stepwise)
                .isEqualTo(clock.due(start, TimeLimit.workingDays(a + b)).at());
    }

    @Property
    void workingHoursAreAdditive(
            @ForAll("starts") Instant start,
            @ForAll @IntRange(min = 1, max = 50) int a,
            @ForAll @IntRange(min = 1, max = 50) int b) {
        Instant stepwise = clock.addWorkingTime(clock.addWorkingTime(start, Duration.ofHours(a)), Duration.ofHours(b));
        assertThat(stepwise).isEqualTo(clock.addWorkingTime(start, Duration.ofHours(a + b)));
    }

    @Property
    void workingTimeBetweenInvertsAddingIt(
            @ForAll("starts") Instant start, @ForAll @IntRange(min = 1, max = 3000) int minutes) {
        Instant end = clock.addWorkingTime(start, Duration.ofMinutes(minutes));
        assertThat(clock.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Property
    void aPauseOfKWorkingDaysMovesTheDueDateByExactlyK(
            @ForAll("starts") Instant start,
            @ForAll @IntRange(min = 2, max = 40) int limitDays,
            @ForAll @IntRange(min = 1, max = 30) int pauseOffset,
            @ForAll @IntRange(min = 1, max = 20) int k) {
        TimeLimit limit = TimeLimit.workingDays(limitDays);
        CaseClock running = CaseClock.start(
                ClockKind.APPROVAL, null, start, limit, Set.of(PauseReason.PUBLIC_NOTICE), new BigDecimal("0.8"), null);
        LocalDate startDay = CalendarFixture.local(start).toLocalDate();
        LocalDate originalDueDay =
                CalendarFixture.local(running.due(clock, start).at()).toLocalDate();
        LocalDate pauseDay = calendar.nthWorkingDayAfter(startDay, Math.min(pauseOffset, limitDays));
        Instant pauseFrom = opening(pauseDay);
        Instant pauseTo = opening(calendar.nthWorkingDayAfter(pauseDay, k));

        CaseClock resumed = running.pause(PauseReason.PUBLIC_NOTICE, pauseFrom).resume(pauseTo);

        LocalDate expected = calendar.nthWorkingDayAfter(originalDueDay, k);
        assertThat(resumed.due(clock, pauseTo).at()).isEqualTo(clock.closeOf(expected));
    }

    private Instant opening(LocalDate day) {
        return day.atTime(clock.officeHours().opening()).atZone(clock.zone()).toInstant();
    }
}
