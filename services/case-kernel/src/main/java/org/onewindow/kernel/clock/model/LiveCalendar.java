package org.onewindow.kernel.clock.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The holiday calendar in force, replaced whole when a year's notice is loaded at run time, and the
 * editions clocks started under: a clock keeps the calendar as published up to the year it records
 * ({@link CaseClock#calendarThrough()}), so loading next year's notice does not move a due date
 * already promised.
 */
public final class LiveCalendar {

    private final AtomicReference<HolidayCalendar> current;
    private final int builtThrough;
    private final Map<Integer, HolidayCalendar> editions = new ConcurrentHashMap<>();

    /** @param built the calendar the platform ships with */
    public LiveCalendar(HolidayCalendar built) {
        this.current = new AtomicReference<>(built);
        this.builtThrough = built.lastKnownYear();
    }

    public HolidayCalendar current() {
        return current.get();
    }

    /** The calendar as published up to {@code lastYear}; null means as the platform was built. */
    public HolidayCalendar through(Integer lastYear) {
        HolidayCalendar now = current.get();
        int year = lastYear == null ? builtThrough : lastYear;
        if (year >= now.lastKnownYear()) {
            return now;
        }
        return editions.computeIfAbsent(year, now::through);
    }

    /** A year's notice takes effect: new clocks and promises use it from now on. */
    public synchronized HolidayCalendar load(CalendarYear year) {
        HolidayCalendar next = current.get().with(year);
        editions.clear();
        current.set(next);
        return next;
    }
}
