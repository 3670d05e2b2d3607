package org.onewindow.kernel.clock.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a time limit into a due instant for one jurisdiction, by the counting rules in
 * docs/clock.md:
 *
 * <ul>
 *   <li>periods in days do not count the start day (民法典 art. 201) and end at close of business
 *       of their last day;
 *   <li>working days skip weekends and statutory holidays and count make-up days (行政许可法 art.
 *       82);
 *   <li>a natural-day period whose last day is a rest day ends on the next working day (民法典 art.
 *       203);
 *   <li>limits shorter than a working day count office time from the acceptance instant, or from the
 *       next opening when accepted out of hours (seed-catalogue A-2).
 * </ul>
 */
public final class StatutoryClock {

    private final HolidayCalendar calendar;
    private final OfficeHours hours;
    private final ZoneId zone;
    private final long dayNanos;

    public StatutoryClock(HolidayCalendar calendar, OfficeHours hours, ZoneId zone) {
        this.calendar = calendar;
        this.hours = hours;
        this.zone = zone;
        this.dayNanos = hours.dayLength().toNanos();
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    public OfficeHours officeHours() {
        return hours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** When a limit that starts at {@code start} (the moment of 受理) runs out. */
    public DueDate due(Instant start, TimeLimit limit) {
        LocalDate startDay = LocalDateTime.ofInstant(start, zone).toLocalDate();
        Instant at =
                switch (limit.unit()) {
                    case IMMEDIATE -> immediate(start);
                    case WORKING_HOURS ->
                        addWorkingTime(start, Duration.ofNanos(nanos(limit.amount(), 3_600_000_000_000L)));
                    case WORKING_DAYS -> workingDays(start, limit.amount());
                    case NATURAL_DAYS ->
                        closeOf(calendar.workingDayOnOrAfter(
                                startDay.plusDays(limit.amount().longValueExact())));
                    case MONTHS ->
                        closeOf(calendar.workingDayOnOrAfter(
                                startDay.plusMonths(limit.amount().longValueExact())));
                };
        return DueDate.of(at, unknownYearsBetween(startDay, at));
    }

    /** {@code amount} of office time after {@code from}; from the next opening if out of hours. */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        LocalDate day = local.toLocalDate();
        long remaining = amount.toNanos();
        if (calendar.isWorkingDay(day)) {
            long offset = hours.workedBefore(local.toLocalTime()).toNanos();
            long available = dayNanos - offset;
            if (remaining <= available) {
                return at(day, timeAtOffset(offset + remaining));
            }
            remaining -= available;
        }
        long fullDays = (remaining - 1) / dayNanos;
        long rest = remaining - fullDays * dayNanos;
        LocalDate lastDay = calendar.nthWorkingDayAfter(day, Math.toIntExact(fullDays + 1));
        return at(lastDay, timeAtOffset(rest));
    }

    /** Office time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        LocalDate da = a.toLocalDate();
        LocalDate db = b.toLocalDate();
        Duration workedA = calendar.isWorkingDay(da) ? hours.workedBefore(a.toLocalTime()) : Duration.ZERO;
        Duration workedB = calendar.isWorkingDay(db) ? hours.workedBefore(b.toLocalTime()) : Duration.ZERO;
        if (da.equals(db)) {
            return workedB.minus(workedA);
        }
        Duration firstDay = calendar.isWorkingDay(da) ? hours.dayLength().minus(workedA) : Duration.ZERO;
        long between = calendar.workingDaysBetween(da, db.minusDays(1));
        return firstDay.plus(hours.dayLength().multipliedBy(between)).plus(workedB);
    }

    /** The years between two instants whose holiday notice is not published. */
    public Set<Integer> unknownYearsBetween(Instant from, Instant to) {
        return unknownYearsBetween(LocalDateTime.ofInstant(from, zone).toLocalDate(), to);
    }

    /** Close of business of a date, as an instant. */
    public Instant closeOf(LocalDate day) {
        return at(day, hours.closing());
    }

    private Instant immediate(Instant start) {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate day = local.toLocalDate();
        boolean openToday = calendar.isWorkingDay(day) && local.toLocalTime().isBefore(hours.closing());
        return closeOf(openToday ? day : calendar.nthWorkingDayAfter(day, 1));
    }

    private Instant workingDays(Instant start, BigDecimal amount) {
        int whole = amount.intValue();
        BigDecimal fraction = amount.subtract(BigDecimal.valueOf(whole));
        Instant end = whole == 0
                ? start
                : closeOf(calendar.nthWorkingDayAfter(
                        LocalDateTime.ofInstant(start, zone).toLocalDate(), whole));
        return fraction.signum() == 0 ? end : addWorkingTime(end, Duration.ofNanos(nanos(fraction, dayNanos)));
    }

    private Set<Integer> unknownYearsBetween(LocalDate startDay, Instant end) {
        int last = LocalDateTime.ofInstant(end, zone).getYear();
        Set<Integer> unknown = new TreeSet<>();
        for (int year = startDay.getYear(); year <= last; year++) {
            if (!calendar.isKnown(year)) {
                unknown.add(year);
            }
        }
        return unknown;
    }

    /** The time of day after {@code offset} (0 < offset ≤ day length) of office time. */
    private LocalTime timeAtOffset(long offset) {
        for (OfficeHours.Session session : hours.sessions()) {
            long length = session.length().toNanos();
            if (offset <= length) {
                return session.from().plusNanos(offset);
            }
            offset -= length;
        }
        return hours.closing();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static long nanos(BigDecimal amount, long unitNanos) {
        return amount.multiply(BigDecimal.valueOf(unitNanos))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
