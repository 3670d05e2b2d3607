package org.onewindow.kernel.calendar.infrastructure;

import java.time.Instant;
import java.util.List;
import org.onewindow.kernel.clock.model.CalendarYear;

/**
 * One year's holiday notice as loaded by an admin, the record of topic {@value CalendarFeed#TOPIC}:
 * the data and who loaded it, when and why. The topic keeps every load for good, so it is also the
 * calendar's audit trail.
 */
public record CalendarNotice(
        int year, String notice, List<CalendarYear.Day> days, String loadedBy, Instant loadedAt, String reason) {

    /** The validated year; a Rejection with every reason when it is not one. */
    public CalendarYear calendarYear() {
        return CalendarYear.of(year, notice, days);
    }
}
