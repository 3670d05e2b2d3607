package org.onewindow.kernel.acceptance.model;

import java.util.Optional;
import org.onewindow.kernel.text.LocalizedText;

/** A matter is accepted only from the date its measure takes effect (seed-catalogue R14). */
public final class MatterInForcePolicy implements RefusalPolicy {
    @Override
    public Optional<AcceptanceDecision.Refused> check(AcceptanceRequest request) {
        var matter = request.matter();
        if (matter.inForceOn(request.on())) {
            return Optional.empty();
        }
        return Optional.of(new AcceptanceDecision.Refused(
                "matter-not-in-force",
                new LocalizedText(
                        "该事项自" + matter.effectiveFrom() + "起受理",
                        "this matter is accepted from " + matter.effectiveFrom())));
    }
}
