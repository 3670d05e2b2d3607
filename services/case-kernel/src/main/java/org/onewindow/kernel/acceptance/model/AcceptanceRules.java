package org.onewindow.kernel.acceptance.model;

import java.util.List;
import java.util.Optional;

/**
 * The single window's decision: a refusal from a named rule, else 补正 with the complete list when
 * any core item is missing, else 容缺受理 when only non-core items are missing, else 受理. The
 * policies are data; {@link #standard()} is the list every service uses unless it adds its own.
 */
public final class AcceptanceRules {

    private final List<RefusalPolicy> refusals;
    private final List<DeficiencyPolicy> deficiencies;

    public AcceptanceRules(List<RefusalPolicy> refusals, List<DeficiencyPolicy> deficiencies) {
        this.refusals = List.copyOf(refusals);
        this.deficiencies = List.copyOf(deficiencies);
    }

    public static AcceptanceRules standard() {
        ThresholdPolicy thresholds = new ThresholdPolicy();
        return new AcceptanceRules(
                List.of(new MatterInForcePolicy(), thresholds), List.of(thresholds, new MaterialsPolicy()));
    }

    public AcceptanceDecision decide(AcceptanceRequest request) {
        for (RefusalPolicy policy : refusals) {
            Optional<AcceptanceDecision.Refused> refused = policy.check(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        List<Deficiency> found = deficiencies.stream()
                .flatMap(p -> p.find(request).stream())
                .distinct()
                .toList();
        if (found.isEmpty()) {
            return new AcceptanceDecision.Accepted();
        }
        if (found.stream().anyMatch(Deficiency::core)) {
            return new AcceptanceDecision.ReturnedForCorrection(found);
        }
        return new AcceptanceDecision.AcceptedWithDeficiency(
                found, request.jurisdiction().supplementDeadline());
    }
}
