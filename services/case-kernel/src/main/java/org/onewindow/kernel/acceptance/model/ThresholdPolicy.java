package org.onewindow.kernel.acceptance.model;

import java.util.List;
import java.util.Optional;
import org.onewindow.kernel.catalogue.model.Condition;
import org.onewindow.kernel.text.LocalizedText;

/**
 * The routing thresholds of a matter (kVA, metres, category…). Data outside them refuses the
 * application for this matter, naming the threshold, so the clerk can file it under the right one;
 * data that is missing is a deficiency instead. A threshold below which the matter is merely
 * optional ({@link Condition#notRequired()}) never refuses: the receipt says it was not required.
 */
public final class ThresholdPolicy implements RefusalPolicy, DeficiencyPolicy {

    @Override
    public Optional<AcceptanceDecision.Refused> check(AcceptanceRequest request) {
        return request.matter().conditions().stream()
                .filter(c -> c.notRequired() == null && c.test(request.data()) == Condition.Outcome.NOT_MET)
                .findFirst()
                .map(c -> new AcceptanceDecision.Refused(
                        "threshold-not-met",
                        new LocalizedText(
                                "本事项仅适用于" + c.zh() + "，申请数据不符，请按适用事项申请",
                                "the application is outside this matter's threshold " + c
                                        + "; apply for the matter that covers it")));
    }

    @Override
    public List<Deficiency> find(AcceptanceRequest request) {
        return request.matter().conditions().stream()
                .filter(c -> c.test(request.data()) == Condition.Outcome.MISSING)
                .map(c -> new Deficiency(
                        Deficiency.Kind.DATA, c.input().key(), c.input().label(), Deficiency.Reason.DATA_MISSING, true))
                .distinct()
                .toList();
    }
}
