package org.onewindow.supervision.calendar;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.CalendarYear;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.kernel.problem.infrastructure.ServiceUnavailable;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 节假日安排 for administrators: {@code PUT} loads a year's State Council notice (202: in force in
 * every service within seconds), {@code GET} lists the published years. Bad data is a 400 naming
 * every wrong day; a year that would leave a gap is a 409.
 */
@RestController
class CalendarController {

    private static final Logger log = LoggerFactory.getLogger(CalendarController.class);

    private final CalendarLoads loads;
    private final LiveCalendar calendar;
    private final ZoneId zone;

    CalendarController(CalendarLoads loads, LiveCalendar calendar, PromisedDates dates) {
        this.loads = loads;
        this.calendar = calendar;
        this.zone = dates.zone();
    }

    record LoadRequest(String notice, String reason, List<CalendarYear.Day> days) {}

    record LoadedView(
            int year, String notice, long holidays, long makeUpDays, String loadedBy, OffsetDateTime loadedAt) {}

    record YearView(int year, String notice) {}

    @PutMapping("/api/v1/supervision/calendar/years/{year}")
    ResponseEntity<LoadedView> load(
            Caller caller, @PathVariable String year, @RequestBody(required = false) LoadRequest body) {
        administrator(caller);
        if (body == null) {
            throw Rejection.invalid(
                    FieldViolation.of("days", "calendar.days-missing", "请提交该年的放假和调休安排", "send the year's days"));
        }
        CalendarLoads.Loaded loaded = loads.load(caller, year(year), body.notice(), body.reason(), body.days());
        var n = loaded.notice();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new LoadedView(
                        n.year(),
                        n.notice(),
                        loaded.holidays(),
                        loaded.makeUpDays(),
                        n.loadedBy(),
                        n.loadedAt().atZone(zone).toOffsetDateTime()));
    }

    @GetMapping("/api/v1/supervision/calendar/years")
    List<YearView> years(Caller caller) {
        administrator(caller);
        return calendar.current().notices().entrySet().stream()
                .map((Map.Entry<Integer, String> e) -> new YearView(e.getKey(), e.getValue()))
                .toList();
    }

    @ExceptionHandler(CalendarLoads.NotPublished.class)
    ResponseEntity<Object> notPublished(CalendarLoads.NotPublished e) {
        log.warn("calendar not loaded: {}", e.getMessage());
        return ServiceUnavailable.problem(
                "calendar.not-published", "消息服务暂不可用，节假日安排未加载，请稍后重试", e.getMessage(), Duration.ofSeconds(30));
    }

    private static int year(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Rejection.invalid(FieldViolation.of("year", "calendar.year", "年份无效：" + text, "not a year: " + text));
        }
    }

    private static void administrator(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw Rejection.forbidden("节假日安排仅限平台管理员加载", "only an administrator loads the holiday calendar");
        }
    }
}
