package org.onewindow.benchmarks.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.OfficeHours;
import org.onewindow.kernel.clock.model.StatutoryClock;

/**
 * The inputs the clock benchmarks share: the kernel's real calendar resource, the default office hours,
 * Beijing time, and reproducible (fixed-seed) acceptance instants and date spans.
 */
final class ClockInputs {

    /** The kernel's State Council calendar (2019–2026), as the kernel loads it. */
    static final String CALENDAR_RESOURCE = "/org/onewindow/kernel/clock/cn-holidays.csv";

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Inputs per benchmark; a power of two so the cycling index is a mask. */
    static final int SIZE = 1024;

    static final long SEED = 0x5EED_2019_2026L;

    private ClockInputs() {}

    static byte[] calendarBytes() {
        try (InputStream in = ClockInputs.class.getResourceAsStream(CALENDAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CALENDAR_RESOURCE + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HolidayCalendar calendar() {
        try (InputStream in = ClockInputs.class.getResourceAsStream(CALENDAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CALENDAR_RESOURCE + " is not on the classpath");
            }
            return HolidayCalendar.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StatutoryClock clock(HolidayCalendar calendar) {
        return new StatutoryClock(calendar, OfficeHours.DEFAULT, SHANGHAI);
    }

    /**
     * {@code n} acceptance instants on days drawn uniformly from [{@code firstDay}, {@code lastDay}],
     * weekends and holidays included, at a minute drawn uniformly from 08:00–17:59 Beijing time (so
     * some fall before opening, in the lunch break or after closing).
     */
    static Instant[] acceptanceInstants(int n, LocalDate firstDay, LocalDate lastDay, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        Instant[] instants = new Instant[n];
        for (int i = 0; i < n; i++) {
            LocalDate day = firstDay.plusDays(random.nextLong(days));
            LocalTime time = LocalTime.of(8, 0).plusMinutes(random.nextInt(600));
            instants[i] = day.atTime(time).atZone(SHANGHAI).toInstant();
        }
        return instants;
    }

    /** {@code n} days drawn uniformly from [{@code firstDay}, {@code lastDay}]. */
    static LocalDate[] days(int n, LocalDate firstDay, LocalDate lastDay, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            dates[i] = firstDay.plusDays(random.nextLong(days));
        }
        return dates;
    }
}
