package org.onewindow.kernel.application.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.acceptance.model.AcceptanceOutcome;
import org.onewindow.kernel.text.LocalizedText;

/**
 * The answer to a {@link JointApplication}: every matter's 受理回执 when all were accepted;
 * otherwise no case, one consolidated list of what to bring for all of them, each item once with
 * the matters that need it (统一补正), and the reasons of the matters that cannot be accepted.
 *
 * @param outcome the worst of the matters' outcomes: a case is opened for every matter or none
 */
public record JointReceipt(
        String jurisdiction,
        AcceptanceOutcome outcome,
        List<Receipt> receipts,
        List<MissingItem> missingMaterials,
        List<MatterRefusal> refusals) {

    public JointReceipt {
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
        missingMaterials = missingMaterials == null ? List.of() : List.copyOf(missingMaterials);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    /** One item of the consolidated list, and the matters that need it. */
    public record MissingItem(
            String code, LocalizedText name, boolean core, LocalizedText reason, List<String> matterCodes) {}

    /** A matter that cannot be accepted at all (不予受理), and why. */
    public record MatterRefusal(String matterCode, LocalizedText reason) {}

    public boolean opensCases() {
        return outcome.opensACase();
    }

    /** Every matter was accepted: their receipts, in the order they were applied for. */
    public static JointReceipt accepted(String jurisdiction, List<Receipt> receipts) {
        AcceptanceOutcome outcome = worst(receipts);
        return new JointReceipt(jurisdiction, outcome, receipts, List.of(), List.of());
    }

    /**
     * Some matter cannot be accepted now: no case for any; what each would miss merged into one list
     * (a material several matters share appears once), and the refusals.
     */
    public static JointReceipt notAccepted(String jurisdiction, List<Receipt> assessments) {
        Map<String, MissingItem> merged = new LinkedHashMap<>();
        for (Receipt r : assessments) {
            for (Receipt.MissingMaterial m : r.missingMaterials()) {
                merged.merge(
                        m.code(),
                        new MissingItem(m.code(), m.name(), m.core(), m.reason(), List.of(r.matterCode())),
                        (a, b) -> new MissingItem(
                                a.code(), a.name(), a.core() || b.core(), a.reason(), concat(a.matterCodes(), b)));
            }
        }
        List<MatterRefusal> refusals = assessments.stream()
                .filter(r -> r.refusal() != null)
                .map(r -> new MatterRefusal(r.matterCode(), r.refusal()))
                .toList();
        return new JointReceipt(jurisdiction, worst(assessments), List.of(), List.copyOf(merged.values()), refusals);
    }

    private static List<String> concat(List<String> codes, MissingItem more) {
        List<String> all = new ArrayList<>(codes);
        all.addAll(more.matterCodes());
        return all;
    }

    private static AcceptanceOutcome worst(List<Receipt> receipts) {
        return receipts.stream()
                .map(Receipt::outcome)
                .max(Comparator.naturalOrder())
                .orElse(AcceptanceOutcome.ACCEPTED);
    }
}
