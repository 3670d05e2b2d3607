package org.onewindow.supervision.board.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The board's lines, kept in the supervision service's own database. */
public interface Board {

    Optional<BoardCase> find(String caseNumber);

    void save(BoardCase line);

    /**
     * Turns red every running line whose due date has passed by {@code now} and is not red yet;
     * how many it turned.
     */
    int flagOverdue(Instant now);

    /**
     * Running cases that broke their limit and have no 督办 yet, the longest overdue first; not
     * those of the matters given (a 督办 itself).
     */
    List<BoardCase> breachedWithoutOrder(Set<String> exceptMatters, int limit);

    /**
     * Open cases of a jurisdiction by service, department, matter and state (GREEN, YELLOW, RED,
     * PAUSED): one pass, from which the board counts by each.
     */
    List<Open> open(String jurisdiction);

    /** Running cases past their due date, by how long (自然日): 督办 ageing. */
    List<Tally> overdueAgeing(String jurisdiction, Instant now);

    /** 好差评 of the cases decided in [from, to), by matter, department and channel. */
    List<Rating> ratings(String jurisdiction, Instant from, Instant to);

    /** 按月通报: per department, the cases accepted and decided in [from, to), and how they did. */
    List<DepartmentMonth> departments(String jurisdiction, Instant from, Instant to);

    /** Open cases of a jurisdiction, the nearest due first. */
    List<BoardCase> list(Query query);

    /** Cases decided in [from, to), by matter and department: how many, how many within the promise. */
    List<Share> withinPromise(String jurisdiction, Instant from, Instant to);

    /**
     * Cases of every service, open or not, newest first: a jurisdiction's for staff, or those of
     * the applicant identifiers given (an applicant's "my cases"); the rest narrows.
     */
    List<BoardCase> search(Search search);

    record Count(String service, String state, long cases) {}

    /** How many open cases share a service, department, matter and state. */
    record Open(String service, String department, String matterCode, String state, long cases) {}

    /** How many cases share a {@code key} (a department, a matter, an ageing bucket) and a state. */
    record Tally(String key, String state, long cases) {}

    /**
     * @param dissatisfied rated 1 or 2: 不满意 or 非常不满意 on the five-level 好差评 scale
     */
    record Rating(
            String matterCode, String department, String channel, long rated, double average, long dissatisfied) {}

    /**
     * @param breached decided after the due date, or still running past it
     */
    record DepartmentMonth(
            String department,
            long accepted,
            long decided,
            long onTime,
            long breached,
            long rated,
            long dissatisfied) {}

    /**
     * @param jurisdiction null for an applicant's search across jurisdictions
     * @param applicantIds the identifiers the cases must carry (credit code, login subject); empty: any
     * @param acceptedFrom inclusive; null: any
     * @param acceptedTo exclusive; null: any
     */
    record Search(
            String jurisdiction,
            List<String> applicantIds,
            String caseNumber,
            String matter,
            String status,
            Instant acceptedFrom,
            Instant acceptedTo,
            int limit) {}

    /** Narrowing of the open cases; null means any. */
    record Query(String jurisdiction, String service, String department, String matter, String state, int limit) {}

    record Share(String matterCode, String department, long decided, long onTime) {}
}
