package org.onewindow.supervision.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.supervision.board.Supervisors;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.order.model.Orders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 好差评 and 按月通报 for a jurisdiction's supervisors: ratings per matter, department and channel
 * over a period, and each department's month (accepted, decided, within the promise, breached,
 * rated, dissatisfied, 督办 and 整改 opened), as the seeds' monthly reports ask (FC §20).
 */
@RestController
class ReportController {

    private final Board board;
    private final Orders orders;
    private final Clock clock;
    private final ZoneId zone;

    ReportController(Board board, Orders orders, Clock clock, PromisedDates dates) {
        this.board = board;
        this.orders = orders;
        this.clock = clock;
        this.zone = dates.zone();
    }

    record Ratings(String jurisdiction, LocalDate from, LocalDate to, List<Board.Rating> ratings) {}

    /** 好差评 of the cases decided from {@code from} to {@code to} (inclusive). */
    @GetMapping("/api/v1/supervision/board/ratings")
    Ratings ratings(Caller caller, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        String jurisdiction = Supervisors.jurisdictionOf(caller);
        if (to.isBefore(from)) {
            throw Rejection.invalid(FieldViolation.of("to", "board.period", "结束日期不能早于开始日期", "to is before from"));
        }
        return new Ratings(jurisdiction, from, to, board.ratings(jurisdiction, start(from), start(to.plusDays(1))));
    }

    record DepartmentLine(
            String department,
            long accepted,
            long decided,
            long onTime,
            long breached,
            long rated,
            long dissatisfied,
            long supervisionOrders,
            long rectifications) {}

    record Monthly(String jurisdiction, String month, List<DepartmentLine> departments) {}

    /** 按月通报: {@code month} as 2026-12; this month when left out. */
    @GetMapping("/api/v1/supervision/board/monthly")
    Monthly monthly(Caller caller, @RequestParam(required = false) String month) {
        String jurisdiction = Supervisors.jurisdictionOf(caller);
        YearMonth ym = month(month);
        Instant from = start(ym.atDay(1));
        Instant to = start(ym.plusMonths(1).atDay(1));
        Map<String, long[]> opened = new LinkedHashMap<>();
        for (Orders.Counted c : orders.opened(jurisdiction, from, to)) {
            opened.computeIfAbsent(c.department(), d -> new long[2])[c.kind().ordinal()] += c.orders();
        }
        Map<String, DepartmentLine> lines = new LinkedHashMap<>();
        for (Board.DepartmentMonth d : board.departments(jurisdiction, from, to)) {
            long[] o = opened.getOrDefault(d.department(), new long[2]);
            lines.put(
                    d.department(),
                    new DepartmentLine(
                            d.department(),
                            d.accepted(),
                            d.decided(),
                            d.onTime(),
                            d.breached(),
                            d.rated(),
                            d.dissatisfied(),
                            o[Orders.Kind.SUPERVISION_ORDER.ordinal()],
                            o[Orders.Kind.RECTIFICATION.ordinal()]));
        }
        opened.forEach((department, o) -> lines.putIfAbsent(
                department,
                new DepartmentLine(
                        department,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        o[Orders.Kind.SUPERVISION_ORDER.ordinal()],
                        o[Orders.Kind.RECTIFICATION.ordinal()])));
        return new Monthly(jurisdiction, ym.toString(), List.copyOf(lines.values()));
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(
                    FieldViolation.of("month", "board.month", "月份格式应为 2026-12", "month is written like 2026-12"));
        }
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
