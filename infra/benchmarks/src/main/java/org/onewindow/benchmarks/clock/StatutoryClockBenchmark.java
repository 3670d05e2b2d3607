package org.onewindow.benchmarks.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The statutory clock's hot paths, on the real State Council calendar 2019–2026 and the default
 * office hours (09:00–12:00, 13:30–17:30, Beijing time).
 *
 * <p>Each invocation takes the next of {@link ClockInputs#SIZE} pre-generated inputs (fixed seed), so
 * the JIT cannot fold a constant argument and the calendar lookups touch different days. Acceptance
 * days run from 2019-01-01 to 2026-10-31, so every due date below lands inside the published years
 * (the constant-time array path; {@link #setUp()} checks it). Results are returned, so JMH consumes
 * them in a Blackhole.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StatutoryClockBenchmark {

    private static final int MASK = ClockInputs.SIZE - 1;

    private HolidayCalendar calendar;
    private StatutoryClock clock;
    private Instant[] acceptedAt;
    private LocalDate[] spanFrom;
    private LocalDate[] spanTo;
    private TimeLimit twentyWorkingDays;
    private TimeLimit halfWorkingDay;
    private TimeLimit sixtyNaturalDays;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        calendar = ClockInputs.calendar();
        clock = ClockInputs.clock(calendar);
        twentyWorkingDays = TimeLimit.workingDays(20);
        halfWorkingDay = TimeLimit.workingDays("0.5");
        sixtyNaturalDays = TimeLimit.naturalDays(60);

        acceptedAt = ClockInputs.acceptanceInstants(
                ClockInputs.SIZE, LocalDate.of(2019, 1, 1), LocalDate.of(2026, 10, 31), ClockInputs.SEED);
        // one-year spans (from, from + 1 year], both ends inside 2019–2026
        spanFrom = ClockInputs.days(
                ClockInputs.SIZE, LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31), ClockInputs.SEED + 1);
        spanTo = new LocalDate[ClockInputs.SIZE];
        for (int i = 0; i < ClockInputs.SIZE; i++) {
            spanTo[i] = spanFrom[i].plusYears(1);
        }

        for (Instant start : acceptedAt) {
            for (TimeLimit limit : new TimeLimit[] {twentyWorkingDays, halfWorkingDay, sixtyNaturalDays}) {
                if (!clock.due(start, limit).calendarKnown()) {
                    throw new IllegalStateException(limit + " from " + start + " leaves the published years");
                }
            }
        }
        next = 0;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & MASK;
        return i;
    }

    /** 20 working days (the common 法定时限): nthWorkingDayAfter on the precomputed arrays. */
    @Benchmark
    public DueDate dueIn20WorkingDays() {
        return clock.due(acceptedAt[nextIndex()], twentyWorkingDays);
    }

    /** 0.5 working day: the working-time path (office sessions, lunch break, next opening). */
    @Benchmark
    public DueDate dueInHalfWorkingDay() {
        return clock.due(acceptedAt[nextIndex()], halfWorkingDay);
    }

    /** 60 natural days, the last day moved off rest days (民法典 art. 203). */
    @Benchmark
    public DueDate dueIn60NaturalDays() {
        return clock.due(acceptedAt[nextIndex()], sixtyNaturalDays);
    }

    /** Working days in a one-year span (from, to]. */
    @Benchmark
    public int workingDaysInOneYear() {
        int i = nextIndex();
        return calendar.workingDaysBetween(spanFrom[i], spanTo[i]);
    }
}
