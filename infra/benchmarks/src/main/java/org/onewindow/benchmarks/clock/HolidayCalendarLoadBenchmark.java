package org.onewindow.benchmarks.clock;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading the kernel's calendar: {@link HolidayCalendar#read} of cn-holidays.csv, i.e. parsing the
 * rows and precomputing the working-day arrays for 2019–2026. The resource's bytes are read once in
 * {@link #setUp()}, so this measures parsing and precomputation, not classpath or jar I/O.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HolidayCalendarLoadBenchmark {

    private byte[] csv;

    @Setup(Level.Trial)
    public void setUp() {
        csv = ClockInputs.calendarBytes();
    }

    @Benchmark
    public HolidayCalendar readCalendar() {
        return HolidayCalendar.read(new ByteArrayInputStream(csv));
    }
}
