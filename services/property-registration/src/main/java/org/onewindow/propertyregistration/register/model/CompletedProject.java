package org.onewindow.propertyregistration.register.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project whose joint completion acceptance construction-permit announced
 * (construction.completion-accepted): the evidence that lets its first registration go without
 * the completion documents (免提交).
 *
 * @param acceptanceCase the acceptance case in construction-permit (the event's subject)
 * @param acceptanceMatter its matter (CP-9, CP-11, CP-8b)
 * @param eventId the announcing event's id
 * @param announcedAt when construction-permit recorded the event
 * @param unitsReadyAt when its units became ready here
 */
public record CompletedProject(
        String projectCode,
        String jurisdiction,
        String projectName,
        String landParcel,
        String developerUscc,
        LocalDate acceptedOn,
        String acceptanceCase,
        String acceptanceMatter,
        String eventId,
        Instant announcedAt,
        Instant unitsReadyAt,
        int units) {}
