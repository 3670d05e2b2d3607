package org.onewindow.enterpriseopening.casefile.model;

import java.time.Instant;
import java.util.List;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.security.model.AccessPolicy.CaseScope;

/**
 * One enterprise-opening case as the service keeps it.
 *
 * @param applicantSubject the token subject of an online applicant; null for a walk-in
 * @param submittedBy who submitted: the applicant online, the clerk at the window
 */
public record CaseFile(
        String caseNumber,
        String jurisdiction,
        String matterCode,
        String catalogueVersion,
        Channel channel,
        CaseStatus status,
        String outcome,
        String applicantType,
        String applicantName,
        String applicantUscc,
        String applicantSubject,
        String submittedBy,
        Instant acceptedAt,
        Instant dueAt,
        Instant wholeProcessDueAt,
        boolean calendarKnown,
        Instant supplementDueAt,
        String issuedUscc,
        Instant deliveredAt,
        Integer rating,
        List<Step> steps) {

    public CaseFile {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** One component's progress (物流式 progress). */
    public record Step(String step, String status, Instant startedAt, Instant completedAt, String reference) {}

    public CaseScope scope() {
        return new CaseScope(jurisdiction, applicantSubject, applicantUscc);
    }
}
