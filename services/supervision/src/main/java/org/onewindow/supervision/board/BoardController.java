package org.onewindow.supervision.board;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.board.model.BoardTallies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督查看板 for a jurisdiction's supervisors: the open cases of every service by state, the ones
 * nearest their due date first, and the share decided within the promise. Supervisors see their own
 * jurisdiction only.
 */
@RestController
class BoardController {

    private static final Set<String> STATES = Set.of("GREEN", "YELLOW", "RED", "PAUSED");

    private final Board board;
    private final Clock clock;
    private final PromisedDates dates;
    private final ZoneId zone;

    BoardController(Board board, Clock clock, PromisedDates dates) {
        this.board = board;
        this.clock = clock;
        this.dates = dates;
        this.zone = dates.zone();
    }

    record Line(
            String caseNumber,
            String service,
            String matterCode,
            String department,
            String channel,
            String state,
            OffsetDateTime acceptedAt,
            OffsetDateTime dueAt,
            OffsetDateTime overdueSince,
            Long remainingWorkingMinutes) {}

    /**
     * @param departments open cases by department and state
     * @param matters open cases by matter and state
     * @param ageing running cases past their due date by how long (UP_TO_1_DAY … OVER_7_DAYS)
     */
    record Overview(
            String jurisdiction,
            OffsetDateTime asOf,
            List<Board.Count> open,
            List<Board.Tally> departments,
            List<Board.Tally> matters,
            List<Board.Tally> ageing,
            List<Line> cases) {}

    @GetMapping("/api/v1/supervision/board")
    Overview board(
            Caller caller,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String matter,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "100") int limit) {
        String jurisdiction = Supervisors.jurisdictionOf(caller);
        if (state != null && !STATES.contains(state)) {
            throw Rejection.invalid(FieldViolation.of(
                    "state",
                    "board.state-unknown",
                    "状态只能是 GREEN（正常）、YELLOW（黄牌）、RED（红牌）或 PAUSED（暂停）",
                    "state is one of GREEN, YELLOW, RED, PAUSED"));
        }
        if (limit < 1 || limit > 500) {
            throw Rejection.invalid(
                    FieldViolation.of("limit", "board.limit", "每页条数须在 1 到 500 之间", "limit is 1 to 500"));
        }
        Instant now = clock.instant();
        Optional<StatutoryClock> office = dates.clockOf(jurisdiction, LocalDate.ofInstant(now, zone));
        List<Line> cases = board
                .list(new Board.Query(jurisdiction, blank(service), blank(department), blank(matter), state, limit))
                .stream()
                .map(c -> line(c, remaining(office, c, now)))
                .toList();
        List<Board.Open> open = board.open(jurisdiction);
        return new Overview(
                jurisdiction,
                at(now),
                BoardTallies.byService(open),
                BoardTallies.by(open, Board.Open::department),
                BoardTallies.by(open, Board.Open::matterCode),
                board.overdueAgeing(jurisdiction, now),
                cases);
    }

    /** Office time left to the due date in the jurisdiction's working hours; negative once past it. */
    private static Long remaining(Optional<StatutoryClock> office, BoardCase c, Instant now) {
        if (c.dueAt() == null || office.isEmpty()) {
            return null;
        }
        return c.dueAt().isAfter(now)
                ? office.get().workingTimeBetween(now, c.dueAt()).toMinutes()
                : -office.get().workingTimeBetween(c.dueAt(), now).toMinutes();
    }

    record Shares(String jurisdiction, LocalDate from, LocalDate to, List<Board.Share> matters) {}

    /** 按时办结率: the cases decided from {@code from} to {@code to} (inclusive), by matter and department. */
    @GetMapping("/api/v1/supervision/board/within-promise")
    Shares withinPromise(Caller caller, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        String jurisdiction = Supervisors.jurisdictionOf(caller);
        if (to.isBefore(from)) {
            throw Rejection.invalid(FieldViolation.of("to", "board.period", "结束日期不能早于开始日期", "to is before from"));
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new Shares(jurisdiction, from, to, board.withinPromise(jurisdiction, start, end));
    }

    private Line line(BoardCase c, Long remainingWorkingMinutes) {
        return new Line(
                c.caseNumber(),
                c.service(),
                c.matterCode(),
                c.department(),
                c.channel(),
                c.suspended() ? "PAUSED" : c.level().name(),
                at(c.acceptedAt()),
                at(c.dueAt()),
                at(c.overdueSince()),
                remainingWorkingMinutes);
    }

    private OffsetDateTime at(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
