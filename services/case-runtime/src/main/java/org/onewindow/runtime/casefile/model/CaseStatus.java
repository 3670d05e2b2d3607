package org.onewindow.runtime.casefile.model;

/** Where a case stands in its life cycle (design.md: the case life cycle). */
public enum CaseStatus {
    /** 受理: accepted, back-office work under way. */
    IN_PROGRESS,
    /** 办结 (approved); waiting for 统一出件. */
    APPROVED,
    /** 不予许可. */
    DENIED,
    /** 出件: the result is with the applicant. */
    DELIVERED,
    /** Withdrawn by the applicant before the decision. */
    WITHDRAWN;

    public boolean decided() {
        return this != IN_PROGRESS;
    }

    /** Nothing more happens to the case (rating aside). */
    public boolean closed() {
        return this == DENIED || this == DELIVERED || this == WITHDRAWN;
    }
}
