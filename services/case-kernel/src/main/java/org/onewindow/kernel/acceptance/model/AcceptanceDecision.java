package org.onewindow.kernel.acceptance.model;

import java.util.List;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.text.LocalizedText;

/** What the acceptance rules decided. */
public sealed interface AcceptanceDecision {

    AcceptanceOutcome outcome();

    /** Everything missing, complete (empty when accepted or refused). */
    List<Deficiency> deficiencies();

    /** Whether a case is opened and its clock starts. */
    default boolean opensCase() {
        return outcome() == AcceptanceOutcome.ACCEPTED || outcome() == AcceptanceOutcome.ACCEPTED_WITH_DEFICIENCY;
    }

    /** 受理 */
    record Accepted() implements AcceptanceDecision {
        @Override
        public AcceptanceOutcome outcome() {
            return AcceptanceOutcome.ACCEPTED;
        }

        @Override
        public List<Deficiency> deficiencies() {
            return List.of();
        }
    }

    /** 容缺受理: only non-core items missing; they are owed within {@code supplyWithin}. */
    record AcceptedWithDeficiency(List<Deficiency> deficiencies, TimeLimit supplyWithin) implements AcceptanceDecision {
        public AcceptedWithDeficiency {
            deficiencies = List.copyOf(deficiencies);
        }

        @Override
        public AcceptanceOutcome outcome() {
            return AcceptanceOutcome.ACCEPTED_WITH_DEFICIENCY;
        }
    }

    /** 补正 with the complete list, core and non-core alike (一次性告知). */
    record ReturnedForCorrection(List<Deficiency> deficiencies) implements AcceptanceDecision {
        public ReturnedForCorrection {
            deficiencies = List.copyOf(deficiencies);
        }

        @Override
        public AcceptanceOutcome outcome() {
            return AcceptanceOutcome.RETURNED_FOR_CORRECTION;
        }
    }

    /** 不予受理 with a reason from a named rule. */
    record Refused(String rule, LocalizedText reason) implements AcceptanceDecision {
        @Override
        public AcceptanceOutcome outcome() {
            return AcceptanceOutcome.REFUSED;
        }

        @Override
        public List<Deficiency> deficiencies() {
            return List.of();
        }
    }
}
