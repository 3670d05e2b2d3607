package org.onewindow.supervision.board.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.events.CaseEvent;

/**
 * How a case event moves a case on the board. Pure: the feed loads the line, applies the event and
 * stores the result in the inbox's transaction, so an event delivered twice is applied once.
 *
 * <p>Only the approval clock (审批时限) colours the board: a step clock's warning or breach is the
 * step's business and stays in the owning service.
 */
public final class BoardEvents {

    private BoardEvents() {}

    /** The data of an event is not what its type promises: no later delivery can change that. */
    public static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message);
        }
    }

    /** The line after {@code event}; empty when the event does not concern the board. */
    public static Optional<BoardCase> apply(Optional<BoardCase> current, String service, CaseEvent event) {
        Instant at = event.time();
        Map<String, Object> data = event.data();
        if (event.type().equals("case.accepted")) {
            return Optional.of(accepted(current, service, event));
        }
        BoardCase line = current.orElseGet(() -> BoardCase.unknown(event.subject(), service, event.jurisdiction(), at));
        return switch (event.type()) {
            case "case.suspended" ->
                Optional.of(line.withClock(line.dueAt(), true, line.level(), line.overdueSince(), at));
            case "case.resumed" -> Optional.of(moved(line, false, data, at));
            case "case.extended", "case.due-recomputed" -> Optional.of(moved(line, line.suspended(), data, at));
            case "case.sla-warning" ->
                approvalClock(data)
                        ? Optional.of(line.withClock(
                                line.dueAt(),
                                line.suspended(),
                                worse(line.level(), BoardCase.Level.YELLOW),
                                line.overdueSince(),
                                at))
                        : Optional.empty();
            case "case.sla-breached" ->
                approvalClock(data)
                        ? Optional.of(line.withClock(
                                line.dueAt(), line.suspended(), BoardCase.Level.RED, line.overdueSince(), at))
                        : Optional.empty();
            case "case.decided" -> Optional.of(decided(line, data, at));
            case "case.delivered" ->
                Optional.of(line.with(
                        BoardStatus.DELIVERED,
                        line.decidedAt() == null ? at : line.decidedAt(),
                        line.onTime() == null ? onTime(line, at) : line.onTime(),
                        at));
            case "case.withdrawn" -> Optional.of(line.with(BoardStatus.WITHDRAWN, line.decidedAt(), line.onTime(), at));
            case "case.rated" -> Optional.of(line.withScore(score(data), at));
            default -> Optional.empty();
        };
    }

    private static BoardCase accepted(Optional<BoardCase> current, String service, CaseEvent event) {
        Map<String, Object> d = event.data();
        Map<?, ?> applicant = d.get("applicant") instanceof Map<?, ?> m ? m : Map.of();
        Object id = applicant.get("uscc") != null
                ? applicant.get("uscc")
                : applicant.get("subject") != null ? applicant.get("subject") : applicant.get("idHash");
        String matter = text(d, "matterCode");
        if (matter == null) {
            throw new Unusable("case.accepted without matterCode");
        }
        Instant acceptedAt = instant(d, "acceptedAt");
        BoardCase base = current.orElseGet(
                () -> BoardCase.unknown(event.subject(), service, event.jurisdiction(), event.time()));
        return new BoardCase(
                event.subject(),
                text(d, "service") == null ? service : text(d, "service"),
                event.jurisdiction(),
                matter,
                text(d, "department"),
                text(d, "channel"),
                applicant.get("type") == null ? null : applicant.get("type").toString(),
                id == null ? null : id.toString(),
                base.status(),
                acceptedAt == null ? event.time() : acceptedAt,
                base.dueAt() != null ? base.dueAt() : instant(d, "promisedDueAt"),
                base.suspended(),
                base.level(),
                base.decidedAt(),
                base.onTime(),
                base.score(),
                base.overdueSince(),
                event.time());
    }

    /**
     * 恢复计时, 延期, or a recomputation onto a newly published holiday calendar: the due date as the
     * service announces it now; no longer red if it moved past now, red (overdue since that date)
     * if it moved to before now.
     */
    private static BoardCase moved(BoardCase line, boolean suspended, Map<String, Object> data, Instant at) {
        Instant due = instant(data, "promisedDueAt");
        if (due == null) {
            return line.withClock(line.dueAt(), suspended, line.level(), line.overdueSince(), at);
        }
        boolean stillOver = !due.isAfter(at);
        return line.withClock(
                due,
                suspended,
                stillOver
                        ? BoardCase.Level.RED
                        : line.level() == BoardCase.Level.RED ? BoardCase.Level.YELLOW : line.level(),
                stillOver ? (line.overdueSince() != null ? line.overdueSince() : due) : null,
                at);
    }

    private static BoardCase decided(BoardCase line, Map<String, Object> data, Instant at) {
        String decision = text(data, "decision");
        BoardStatus status = "DENIED".equals(decision) ? BoardStatus.DENIED : BoardStatus.APPROVED;
        return line.with(status, at, onTime(line, at), at);
    }

    private static Boolean onTime(BoardCase line, Instant at) {
        return line.dueAt() == null ? null : !at.isAfter(line.dueAt());
    }

    private static boolean approvalClock(Map<String, Object> data) {
        return "APPROVAL".equals(text(data, "clock"));
    }

    private static BoardCase.Level worse(BoardCase.Level a, BoardCase.Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Integer score(Map<String, Object> data) {
        Object score = data.get("score");
        if (score instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5) {
            return n.intValue();
        }
        throw new Unusable("case.rated with a score that is not 1 to 5: " + score);
    }

    private static String text(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }

    private static Instant instant(Map<String, Object> data, String key) {
        String v = text(data, key);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException again) {
                throw new Unusable(key + " is not an instant: " + v);
            }
        }
    }
}
