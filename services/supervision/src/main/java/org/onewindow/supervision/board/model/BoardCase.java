package org.onewindow.supervision.board.model;

import java.time.Instant;

/**
 * 督查看板: one case of any service as the board follows it, from that service's events alone.
 *
 * @param service the owning service's id (enterprise-opening …)
 * @param applicantId the applicant's identifier as the events give it: a credit code, an online
 *     login's subject, or the hash of an identity number; never a name
 * @param dueAt when the approval clock runs out as last announced (moves with pauses and 延期);
 *     null when the matter states no limit
 * @param level the approval clock's standing: GREEN, YELLOW (黄牌), RED (红牌, breached)
 * @param onTime for a decided case: decided within the promise
 * @param overdueSince when the board itself saw the due date pass (its own scan), if it did
 */
public record BoardCase(
        String caseNumber,
        String service,
        String jurisdiction,
        String matterCode,
        String department,
        String channel,
        String applicantType,
        String applicantId,
        BoardStatus status,
        Instant acceptedAt,
        Instant dueAt,
        boolean suspended,
        Level level,
        Instant decidedAt,
        Boolean onTime,
        Integer score,
        Instant overdueSince,
        Instant updatedAt) {

    /** The approval clock's standing as the board shows it. */
    public enum Level {
        GREEN,
        YELLOW,
        RED
    }

    /** A case the board first hears of by an event other than its acceptance. */
    static BoardCase unknown(String caseNumber, String service, String jurisdiction, Instant at) {
        return new BoardCase(
                caseNumber,
                service,
                jurisdiction,
                null,
                null,
                null,
                null,
                null,
                BoardStatus.IN_PROGRESS,
                null,
                null,
                false,
                Level.GREEN,
                null,
                null,
                null,
                null,
                at);
    }

    /** Open and running: its due date can pass. */
    public boolean running() {
        return status == BoardStatus.IN_PROGRESS && !suspended && dueAt != null;
    }

    BoardCase with(BoardStatus status, Instant decidedAt, Boolean onTime, Instant at) {
        return standing(status, dueAt, suspended, level, decidedAt, onTime, score, overdueSince, at);
    }

    BoardCase withClock(Instant dueAt, boolean suspended, Level level, Instant overdueSince, Instant at) {
        return standing(status, dueAt, suspended, level, decidedAt, onTime, score, overdueSince, at);
    }

    BoardCase withScore(Integer score, Instant at) {
        return standing(status, dueAt, suspended, level, decidedAt, onTime, score, overdueSince, at);
    }

    /** The same case, identity unchanged, standing as given. */
    private BoardCase standing(
            BoardStatus status,
            Instant dueAt,
            boolean suspended,
            Level level,
            Instant decidedAt,
            Boolean onTime,
            Integer score,
            Instant overdueSince,
            Instant at) {
        return new BoardCase(
                caseNumber,
                service,
                jurisdiction,
                matterCode,
                department,
                channel,
                applicantType,
                applicantId,
                status,
                acceptedAt,
                dueAt,
                suspended,
                level,
                decidedAt,
                onTime,
                score,
                overdueSince,
                at);
    }

    /** The board's own scan saw the due date pass at {@code at}: red, whatever the service says. */
    public BoardCase overdue(Instant at) {
        return withClock(dueAt, suspended, Level.RED, overdueSince == null ? at : overdueSince, at);
    }
}
