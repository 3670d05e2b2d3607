package org.onewindow.supervision.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.caseno.model.InvalidCaseNumberException;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One case search across every service, from the board's lines: staff search their jurisdiction; an
 * applicant's "my cases" are those carrying their credit code or their login. The case page itself
 * is the owning service's (the gateway routes it by the case number).
 */
@RestController
class CaseSearchController {

    private static final Set<String> STATUSES = Set.of("IN_PROGRESS", "APPROVED", "DENIED", "DELIVERED", "WITHDRAWN");

    private final Board board;
    private final ZoneId zone;

    CaseSearchController(Board board, PromisedDates dates) {
        this.board = board;
        this.zone = dates.zone();
    }

    record Found(
            String caseNumber,
            String jurisdiction,
            String service,
            String matterCode,
            String department,
            String channel,
            String status,
            String level,
            OffsetDateTime acceptedAt,
            OffsetDateTime dueAt,
            OffsetDateTime decidedAt,
            Boolean onTime) {}

    /** Staff: their jurisdiction's cases of every service, by number, applicant, matter, status, date. */
    @GetMapping("/api/v1/supervision/search")
    List<Found> search(
            Caller caller,
            @RequestParam(required = false) String caseNumber,
            @RequestParam(required = false) String applicant,
            @RequestParam(required = false) String matter,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "50") int limit) {
        if (!caller.isStaff() || caller.jurisdiction() == null) {
            throw Rejection.forbidden("只有本辖区工作人员可以检索办件", "only staff of a jurisdiction search its cases");
        }
        List<FieldViolation> wrong = new ArrayList<>();
        String number = blank(caseNumber);
        if (number != null) {
            try {
                number = CaseNumber.parse(number).toString();
            } catch (InvalidCaseNumberException e) {
                wrong.add(FieldViolation.of("caseNumber", "case-number.invalid", "办件编号有误，请核对", e.getMessage()));
            }
        }
        check(wrong, status, limit, from, to);
        if (!wrong.isEmpty()) {
            throw Rejection.invalid(wrong.toArray(FieldViolation[]::new));
        }
        List<String> ids =
                blank(applicant) == null ? List.of() : List.of(applicant.trim().toUpperCase());
        return found(new Board.Search(
                caller.jurisdiction(), ids, number, blank(matter), blank(status), start(from), end(to), limit));
    }

    /** 我的办件: the caller's own cases in every service and jurisdiction, newest first. */
    @GetMapping("/api/v1/supervision/my-cases")
    List<Found> mine(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit) {
        if (!caller.has(Role.APPLICANT)) {
            throw Rejection.forbidden("“我的办件”仅供申请人查看", "my cases are for applicants");
        }
        List<FieldViolation> wrong = new ArrayList<>();
        check(wrong, status, limit, null, null);
        if (!wrong.isEmpty()) {
            throw Rejection.invalid(wrong.toArray(FieldViolation[]::new));
        }
        List<String> ids = new ArrayList<>();
        ids.add(caller.subject());
        if (caller.uscc() != null) {
            ids.add(caller.uscc());
        }
        return found(new Board.Search(null, ids, null, null, blank(status), null, null, limit));
    }

    private static void check(List<FieldViolation> wrong, String status, int limit, LocalDate from, LocalDate to) {
        if (blank(status) != null && !STATUSES.contains(status)) {
            wrong.add(FieldViolation.of(
                    "status",
                    "search.status-unknown",
                    "办件状态只能是 IN_PROGRESS、APPROVED、DENIED、DELIVERED 或 WITHDRAWN",
                    "status is one of " + STATUSES));
        }
        if (limit < 1 || limit > 500) {
            wrong.add(FieldViolation.of("limit", "search.limit", "每页条数须在 1 到 500 之间", "limit is 1 to 500"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            wrong.add(FieldViolation.of("to", "search.period", "结束日期不能早于开始日期", "to is before from"));
        }
    }

    private List<Found> found(Board.Search search) {
        return board.search(search).stream().map(this::found).toList();
    }

    private Found found(BoardCase c) {
        return new Found(
                c.caseNumber(),
                c.jurisdiction(),
                c.service(),
                c.matterCode(),
                c.department(),
                c.channel(),
                c.status().name(),
                c.suspended() ? "PAUSED" : c.level().name(),
                at(c.acceptedAt()),
                at(c.dueAt()),
                at(c.decidedAt()),
                c.onTime());
    }

    private Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private Instant end(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private OffsetDateTime at(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
