package org.onewindow.runtime.casefile.model;

import java.time.Instant;

/**
 * A notice from the supervision service about a case of this service: a 督办 (the case broke its
 * limit) or a 整改 (its applicant rated it badly), for the department to act on by {@code respondBy}.
 *
 * @param fromCase the supervision case that sent it (the 督办 or 整改), where its response is recorded
 * @param escalated 提级督办: the department's repeated breach this month
 */
public record CaseNotice(
        String eventId,
        String caseNumber,
        Kind kind,
        String fromCase,
        boolean escalated,
        Instant respondBy,
        String reason,
        Instant receivedAt) {

    public enum Kind {
        /** 督办: the case broke its promised limit. */
        SUPERVISION_ORDER,
        /** 整改: the applicant's 差评 of the case is to be rectified. */
        RECTIFICATION
    }
}
