package org.onewindow.kernel.application.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.acceptance.model.AcceptanceOutcome;
import org.onewindow.kernel.text.LocalizedText;

/**
 * 受理回执: the answer to an application. A case number exists only when the application was
 * accepted (fully or with non-core materials owed); otherwise {@code missingMaterials} is the one
 * complete list of what to bring (一次性告知) or {@code refusal} says why it cannot be accepted.
 *
 * @param promisedDueAt absent when the catalogue states no limit for the matter
 * @param supplementDueAt when the owed materials of a 容缺受理 must be in
 * @param stepPromises the steps the catalogue promises a time for (QX: the business licence in 1
 *     working day, though the bundle as a whole has no stated limit)
 * @param wholeProcessDueAt when the whole-process limit (全流程) runs out, if one is stated
 * @param results what a case decided at the window (即时办结) produced: the receipt is the result
 * @param notices what the applicant should know beyond the outcome: that the application was not
 *     required (可以不申请) and was accepted all the same
 */
public record Receipt(
        String caseNumber,
        String jurisdiction,
        String matterCode,
        AcceptanceOutcome outcome,
        OffsetDateTime acceptedAt,
        OffsetDateTime promisedDueAt,
        Boolean calendarKnown,
        List<MissingMaterial> missingMaterials,
        OffsetDateTime supplementDueAt,
        LocalizedText refusal,
        List<StepPromise> stepPromises,
        OffsetDateTime wholeProcessDueAt,
        Map<String, Object> results,
        List<LocalizedText> notices) {

    public Receipt {
        notices = notices == null ? List.of() : List.copyOf(notices);
        results = results == null ? Map.of() : Map.copyOf(results);
        missingMaterials = missingMaterials == null ? List.of() : List.copyOf(missingMaterials);
        stepPromises = stepPromises == null ? List.of() : List.copyOf(stepPromises);
    }

    /** When a step of the case is promised to be done. */
    public record StepPromise(String step, OffsetDateTime dueAt) {}

    /** One item of the 一次性告知 list. */
    public record MissingMaterial(String code, LocalizedText name, boolean core, LocalizedText reason) {}

    public boolean opensACase() {
        return caseNumber != null;
    }
}
