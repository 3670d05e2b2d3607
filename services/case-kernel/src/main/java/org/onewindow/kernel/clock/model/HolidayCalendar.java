package org.onewindow.kernel.clock.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The national working-day calendar: Monday to Friday, minus the statutory holidays, plus the make-up
 * working days (调休), as published year by year in the State Council's notice.
 *
 * <p>A year without a published notice is <em>unknown</em>: {@link #isKnown(int)} says so, and the
 * clock reports it instead of silently assuming weekends only. Within the known years every
 * question is answered from precomputed arrays, so counting working days is constant time.
 */
public final class HolidayCalendar {

    private final Map<LocalDate, DayKind> exceptions;
    private final Map<Integer, String> notices;
    private final LocalDate first;
    private final LocalDate last;
    /** working[i]: is first+i a working day. */
    private final boolean[] working;
    /** ordinal[i]: number of working days in [first, first+i]. */
    private final int[] ordinal;
    /** workingDays[k]: epoch day of the (k+1)-th working day from first. */
    private final long[] workingDays;

    public HolidayCalendar(Map<LocalDate, DayKind> exceptions, Map<Integer, String> notices) {
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("a holiday calendar needs at least one published year");
        }
        this.exceptions = Map.copyOf(exceptions);
        this.notices = Collections.unmodifiableMap(new TreeMap<>(notices));
        var years = new TreeSet<>(notices.keySet());
        for (int y = years.first(); y <= years.last(); y++) {
            if (!years.contains(y)) {
                throw new IllegalArgumentException(
                        "holiday notices must cover consecutive years; " + y + " is missing");
            }
        }
        this.first = LocalDate.of(years.first(), 1, 1);
        this.last = LocalDate.of(years.last(), 12, 31);
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        this.working = new boolean[days];
        this.ordinal = new int[days];
        long[] list = new long[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            working[i] = ruleFor(date);
            if (working[i]) {
                list[count++] = date.toEpochDay();
            }
            ordinal[i] = count;
        }
        this.workingDays = Arrays.copyOf(list, count);
    }

    /**
     * Reads the kernel's calendar resource: {@code notice,<year>,<url>} rows for each published year,
     * then {@code <date>,OFF|WORK,<name>} rows; {@code #} starts a comment.
     */
    public static HolidayCalendar read(InputStream csv) {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        Map<Integer, String> notices = new HashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                if (cells.length < 3) {
                    throw new IllegalArgumentException("holiday calendar line " + number + " has fewer than 3 cells");
                }
                if (cells[0].equals("notice")) {
                    notices.put(Integer.parseInt(cells[1]), cells[2]);
                } else {
                    exceptions.put(LocalDate.parse(cells[0]), DayKind.valueOf(cells[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HolidayCalendar(exceptions, notices);
    }

    /**
     * This calendar with one year's notice added, or replacing the one it had (a corrected notice).
     * The published years stay consecutive: a year after the next one is refused.
     */
    public HolidayCalendar with(CalendarYear year) {
        int next = last.getYear() + 1;
        if (year.year() > next || year.year() < first.getYear() - 1) {
            throw new IllegalArgumentException("the calendar covers " + first.getYear() + "-" + last.getYear() + "; "
                    + year.year() + " would leave a year without a notice");
        }
        Map<LocalDate, DayKind> merged = new HashMap<>();
        exceptions.forEach((date, kind) -> {
            if (date.getYear() != year.year()) {
                merged.put(date, kind);
            }
        });
        merged.putAll(year.days());
        Map<Integer, String> published = new HashMap<>(notices);
        published.put(year.year(), year.notice());
        return new HolidayCalendar(merged, published);
    }

    /**
     * The calendar as it stood when {@code lastYear} was the last published year: later notices
     * unknown. A clock keeps the calendar it started with, so a year loaded later does not move the
     * due dates already promised.
     */
    public HolidayCalendar through(int lastYear) {
        if (lastYear >= last.getYear()) {
            return this;
        }
        Map<Integer, String> published = new HashMap<>();
        notices.forEach((y, notice) -> {
            if (y <= lastYear) {
                published.put(y, notice);
            }
        });
        if (published.isEmpty()) {
            throw new IllegalArgumentException("no published year up to " + lastYear);
        }
        Map<LocalDate, DayKind> kept = new HashMap<>();
        exceptions.forEach((date, kind) -> {
            // a notice also lists the last days of the year before (元旦 bridges): keep what its year knew
            if (date.getYear() <= lastYear) {
                kept.put(date, kind);
            }
        });
        return new HolidayCalendar(kept, published);
    }

    /** The last year whose notice is published. */
    public int lastKnownYear() {
        return last.getYear();
    }

    /** Whether the State Council's notice for that year is in the calendar. */
    public boolean isKnown(int year) {
        return notices.containsKey(year);
    }

    /** The published years, each with the address of its notice. */
    public Map<Integer, String> notices() {
        return notices;
    }

    public Set<Integer> knownYears() {
        return notices.keySet();
    }

    /**
     * Whether a date is a working day. For a date in an unknown year this is the weekday rule; callers
     * that must not guess check {@link #isKnown(int)}.
     */
    public boolean isWorkingDay(LocalDate date) {
        int i = index(date);
        return i >= 0 ? working[i] : ruleFor(date);
    }

    /**
     * The n-th working day strictly after {@code date} (n ≥ 1): the start day itself is not counted
     * (民法典 art. 201).
     */
    public LocalDate nthWorkingDayAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        int i = index(date);
        if (i >= 0) {
            int k = ordinal[i] + n - 1;
            if (k < workingDays.length) {
                return LocalDate.ofEpochDay(workingDays[k]);
            }
            // past the last published year: continue day by day from the last known day
            n -= workingDays.length - ordinal[i];
            date = last;
        }
        LocalDate day = date;
        while (n > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                n--;
            }
        }
        return day;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nthWorkingDayAfter(date, 1);
    }

    /** Number of working days in (from, to]: 0 when to is not after from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        int i = index(from);
        int j = index(to);
        if (i >= 0 && j >= 0) {
            return ordinal[j] - ordinal[i];
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private int index(LocalDate date) {
        long offset = date.toEpochDay() - first.toEpochDay();
        return offset >= 0 && offset < working.length ? (int) offset : -1;
    }

    private boolean ruleFor(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.WORK;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "HolidayCalendar" + knownYears() + " (" + Year.of(first.getYear()) + "–" + Year.of(last.getYear()) + ")";
    }
}
