package org.onewindow.kernel.clock.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * One year of the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知) as
 * structured data: its holidays (放假) and make-up working days (调休上班). Only a year that passes
 * {@link #of} exists: every date in that year, none listed twice, every make-up day on a weekend,
 * every day named.
 */
public record CalendarYear(int year, String notice, Map<LocalDate, DayKind> days, Map<LocalDate, String> names) {

    public CalendarYear {
        days = Map.copyOf(days);
        names = Map.copyOf(names);
    }

    /** A day as the notice lists it: {@code 2027-01-01}, OFF or WORK, 元旦. */
    public record Day(String date, String kind, String name) {}

    /** The year, or every reason it is not one, each on its field (days[3].date …) with the Chinese reason. */
    public static CalendarYear of(Integer year, String notice, List<Day> days) {
        List<FieldViolation> problems = new ArrayList<>();
        if (year == null || year < 2000 || year > 2100) {
            problems.add(
                    FieldViolation.of("year", "calendar.year", "年份无效：" + year, "year must be 2000-2100, was " + year));
        }
        if (notice == null || notice.isBlank()) {
            problems.add(FieldViolation.of(
                    "notice", "calendar.notice-missing", "请填写国务院通知的出处（文号或网址）", "name the State Council notice"));
        }
        if (days == null || days.isEmpty()) {
            problems.add(FieldViolation.of("days", "calendar.days-missing", "请列出放假和调休上班的日期", "list the days"));
            days = List.of();
        }
        Map<LocalDate, DayKind> kinds = new TreeMap<>();
        Map<LocalDate, String> names = new TreeMap<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            String at = "days[" + i + "]";
            LocalDate date = date(day.date(), at, problems);
            DayKind kind = kind(day.kind(), at, problems);
            if (day.name() == null || day.name().isBlank()) {
                problems.add(FieldViolation.of(at + ".name", "calendar.name-missing", "请填写节日名称", "name the holiday"));
            }
            if (date == null) {
                continue;
            }
            if (year != null && date.getYear() != year) {
                problems.add(FieldViolation.of(
                        at + ".date",
                        "calendar.other-year",
                        date + " 不在 " + year + " 年内",
                        date + " is not in " + year));
            }
            if (!seen.add(date)) {
                problems.add(FieldViolation.of(
                        at + ".date", "calendar.date-twice", date + " 重复列出", date + " is listed twice"));
            }
            if (kind == DayKind.WORK && !weekend(date)) {
                problems.add(FieldViolation.of(
                        at + ".kind",
                        "calendar.make-up-on-weekday",
                        date + " 是工作日，调休上班日只能在周六或周日",
                        date + " is a weekday; a make-up working day falls on a Saturday or Sunday"));
            }
            if (kind != null) {
                kinds.put(date, kind);
                names.put(date, day.name() == null ? "" : day.name().trim());
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems.toArray(FieldViolation[]::new));
        }
        return new CalendarYear(year, notice.trim(), kinds, names);
    }

    public long holidays() {
        return days.values().stream().filter(k -> k == DayKind.OFF).count();
    }

    public long makeUpDays() {
        return days.values().stream().filter(k -> k == DayKind.WORK).count();
    }

    private static LocalDate date(String text, String at, List<FieldViolation> problems) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            problems.add(FieldViolation.of(
                    at + ".date", "calendar.date", "日期无效：" + text + "（格式 2027-01-01）", "not a date: " + text));
            return null;
        }
    }

    private static DayKind kind(String text, String at, List<FieldViolation> problems) {
        try {
            return DayKind.valueOf(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            problems.add(FieldViolation.of(
                    at + ".kind",
                    "calendar.kind",
                    "类型无效：" + text + "（OFF 放假，WORK 调休上班）",
                    "kind must be OFF or WORK, was " + text));
            return null;
        }
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
