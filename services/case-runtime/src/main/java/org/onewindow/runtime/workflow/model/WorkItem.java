package org.onewindow.runtime.workflow.model;

import java.time.Instant;

/**
 * A human task of a case: what it is ({@code activity}, e.g. review-business-licence), whose
 * (department and jurisdiction) and who holds it.
 */
public record WorkItem(
        String id,
        String caseNumber,
        String activity,
        String name,
        String jurisdiction,
        String department,
        String assignee,
        Instant created) {}
