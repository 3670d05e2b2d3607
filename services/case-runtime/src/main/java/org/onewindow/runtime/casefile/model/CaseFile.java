package org.onewindow.runtime.casefile.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy.CaseScope;

/**
 * One case as its service keeps it. Its status moves only through the methods below, each of
 * which refuses an illegal move with a named reason; a stored case changes only from the status
 * it was read with ({@link CaseFiles#transition}), so two racing moves cannot both win.
 *
 * @param applicantSubject the token subject of an online applicant; null for a walk-in
 * @param submittedBy who submitted: the applicant online, the clerk at the window, or {@code system}
 * @param department the back-office department that owns the case's review
 * @param results what the case produced, by name (an issued credit code, a certificate number …)
 * @param causedBy the id of the event that opened the case, when no person applied (过户 after a
 *     transfer registration); null otherwise
 */
public record CaseFile(
        String caseNumber,
        String jurisdiction,
        String matterCode,
        String catalogueVersion,
        Channel channel,
        CaseStatus status,
        String outcome,
        Party applicant,
        String applicantSubject,
        String submittedBy,
        String department,
        Instant acceptedAt,
        Instant dueAt,
        Instant wholeProcessDueAt,
        boolean calendarKnown,
        Instant supplementDueAt,
        Instant deliveredAt,
        Integer rating,
        Map<String, Object> results,
        String causedBy,
        List<Step> steps,
        List<CaseLink> links) {

    public CaseFile {
        results = results == null ? Map.of() : Map.copyOf(results);
        steps = steps == null ? List.of() : List.copyOf(steps);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Who applied, as far as the case needs to know: type, name and credit code. */
    public record Party(String type, String name, String uscc) {}

    /** One step's or component's progress (物流式 progress). */
    public record Step(String step, String status, Instant startedAt, Instant completedAt, String reference) {}

    public CaseScope scope() {
        return new CaseScope(jurisdiction, applicantSubject, applicant.uscc());
    }

    /** 办结 with approval: the back office is done, the result waits for 统一出件. */
    public CaseFile approve() {
        requireInProgress("办件已作出决定，不能再次办结", "the case is already decided");
        return withStatus(CaseStatus.APPROVED, deliveredAt);
    }

    /** 不予许可. */
    public CaseFile deny() {
        requireInProgress("办件已作出决定，不能再作不予许可决定", "the case is already decided");
        return withStatus(CaseStatus.DENIED, deliveredAt);
    }

    /** 出件: the approved result handed to the applicant. */
    public CaseFile deliver(Instant at) {
        if (status != CaseStatus.APPROVED) {
            throw Rejection.conflict("case.not-approved", "办件尚未办结，不能出件", "the case is not approved yet");
        }
        return withStatus(CaseStatus.DELIVERED, at);
    }

    /** 即时办结: decided and handed over in the same visit as the acceptance. */
    public CaseFile completeImmediately(Instant at) {
        return approve().deliver(at);
    }

    /** 撤回 before the decision. */
    public CaseFile withdraw() {
        requireInProgress("已作出决定的办件不能撤回", "a decided case cannot be withdrawn");
        return withStatus(CaseStatus.WITHDRAWN, deliveredAt);
    }

    /** Refuses changes to a case that is closed (补齐, suspension …). */
    public void requireOpen() {
        if (status.closed()) {
            throw Rejection.conflict("case.closed", "办件已办结或已撤回", "the case is closed");
        }
    }

    /**
     * 补齐 is taken while anything is owed, also after 出件 (a 容缺备案 delivered with a facility
     * handover still to come); a refused or withdrawn case takes nothing more.
     */
    public void requireSupplementable() {
        if (status == CaseStatus.DENIED || status == CaseStatus.WITHDRAWN) {
            throw Rejection.conflict("case.closed", "办件已不予许可或已撤回，不再接收补齐材料", "the case was refused or withdrawn");
        }
    }

    public CaseFile withResults(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(results);
        merged.putAll(more);
        return copy(promised(), status, deliveredAt, merged);
    }

    /** The same case with the receipt's promise computed again (a holiday notice published since). */
    public CaseFile repromised(Instant nextDueAt, Instant nextWholeProcessDueAt, boolean nextCalendarKnown) {
        return copy(new Promised(nextDueAt, nextWholeProcessDueAt, nextCalendarKnown), status, deliveredAt, results);
    }

    private void requireInProgress(String zh, String en) {
        if (status != CaseStatus.IN_PROGRESS) {
            throw Rejection.conflict("case.decided", zh, en);
        }
    }

    private CaseFile withStatus(CaseStatus next, Instant delivered) {
        return copy(promised(), next, delivered, results);
    }

    /** The dates the receipt promised, and whether the holiday calendar was known for them. */
    private record Promised(Instant dueAt, Instant wholeProcessDueAt, boolean calendarKnown) {}

    private Promised promised() {
        return new Promised(dueAt, wholeProcessDueAt, calendarKnown);
    }

    /** The same case with what a change moves: its promise, its status, its delivery, its results. */
    private CaseFile copy(
            Promised promise, CaseStatus nextStatus, Instant nextDeliveredAt, Map<String, Object> nextResults) {
        return new CaseFile(
                caseNumber,
                jurisdiction,
                matterCode,
                catalogueVersion,
                channel,
                nextStatus,
                outcome,
                applicant,
                applicantSubject,
                submittedBy,
                department,
                acceptedAt,
                promise.dueAt(),
                promise.wholeProcessDueAt(),
                promise.calendarKnown(),
                supplementDueAt,
                nextDeliveredAt,
                rating,
                nextResults,
                causedBy,
                steps,
                links);
    }
}
