package org.onewindow.kernel.clock.model;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When a limit runs out. {@code calendarKnown} is false when the count crossed a year whose holiday
 * notice is not yet published: the instant is then provisional (weekday rule) and {@code
 * unknownYears} says which years to wait for. Never a silent guess.
 */
public record DueDate(Instant at, boolean calendarKnown, SortedSet<Integer> unknownYears) {

    public DueDate {
        unknownYears = new TreeSet<>(unknownYears);
        calendarKnown = unknownYears.isEmpty();
    }

    static DueDate of(Instant at, Set<Integer> unknownYears) {
        return new DueDate(at, unknownYears.isEmpty(), new TreeSet<>(unknownYears));
    }

    public boolean isAfter(DueDate other) {
        return at.isAfter(other.at);
    }
}
