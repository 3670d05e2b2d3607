package org.onewindow.runtime.casefile.model;

import org.onewindow.kernel.clock.model.SlaLevel;

/**
 * Which cases a list shows: those of a jurisdiction (staff) or those of one applicant (their
 * subject, or their enterprise's credit code), narrowed by status, matter, department and the SLA
 * level the cases' clocks reached; newest first, at most {@code limit}.
 */
public record CaseQuery(
        String jurisdiction,
        String applicantSubject,
        String applicantUscc,
        CaseStatus status,
        String matterCode,
        String department,
        SlaLevel level,
        int limit) {

    public CaseQuery {
        if (jurisdiction == null && applicantSubject == null) {
            throw new IllegalArgumentException("a case list is of a jurisdiction or of an applicant");
        }
    }

    public static CaseQuery ofJurisdiction(String jurisdiction) {
        return new CaseQuery(jurisdiction, null, null, null, null, null, null, 50);
    }

    public static CaseQuery ofApplicant(String subject, String uscc) {
        return new CaseQuery(null, subject, uscc, null, null, null, null, 50);
    }

    public CaseQuery narrowed(CaseStatus status, String matterCode, String department, SlaLevel level, int limit) {
        return new CaseQuery(
                jurisdiction, applicantSubject, applicantUscc, status, matterCode, department, level, limit);
    }

    /** A listed case with the highest SLA level any of its clocks reached (黄牌/红牌 stay shown). */
    public record Listed(CaseFile file, SlaLevel level) {}
}
