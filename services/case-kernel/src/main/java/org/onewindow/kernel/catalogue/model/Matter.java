package org.onewindow.kernel.catalogue.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.text.LocalizedText;

/**
 * A matter (事项) of one jurisdiction's catalogue version: the 办事指南 entry.
 *
 * @param inputs the data the matter asks for beyond what its conditions test (a project's code
 *     and name …), so that a form can be generated from the catalogue
 * @param stage the stage of a larger undertaking the matter belongs to (a construction project's
 *     审批阶段, e.g. {@code land-use-planning}); null for a matter that stands alone
 * @param coordinated 过户 (UT-X) only: whether the utility company meets the jurisdiction's
 *     conditions for handling the transfer together with the property registration (协同办理条件);
 *     false means a registered transfer opens no 过户 case for it. True for every other matter.
 * @param openedByPlatform the platform opens its cases itself (督办 on a breach, 整改 on a 差评); nobody
 *     applies for it, so the guide does not offer it and the intake refuses an application
 */
public record Matter(
        String code,
        LocalizedText name,
        OwningService service,
        String processKey,
        String stage,
        LocalDate effectiveFrom,
        String source,
        LocalizedText summary,
        List<MatterLimit> limits,
        List<Material> materials,
        List<Condition> conditions,
        List<ConditionInput> inputs,
        List<Fee> fees,
        List<Component> components,
        List<DeliveryChannel> deliveryChannels,
        boolean coordinated,
        boolean openedByPlatform,
        List<String> decisions) {

    public Matter {
        limits = List.copyOf(limits);
        materials = List.copyOf(materials);
        conditions = List.copyOf(conditions);
        inputs = List.copyOf(inputs);
        fees = List.copyOf(fees);
        components = List.copyOf(components);
        deliveryChannels = List.copyOf(deliveryChannels);
        decisions = List.copyOf(decisions);
    }

    /** The approval limit (审批时限), the one promised on the receipt. */
    public Optional<MatterLimit> approvalLimit() {
        return limits.stream().filter(l -> l.clock() == ClockKind.APPROVAL).findFirst();
    }

    public Optional<MatterLimit> wholeProcessLimit() {
        return limits.stream().filter(l -> l.clock() == ClockKind.WHOLE_PROCESS).findFirst();
    }

    public List<MatterLimit> stepLimits() {
        return limits.stream().filter(l -> l.clock() == ClockKind.STEP).toList();
    }

    /**
     * Why an application below an optional threshold was not required (可以不申请), in the
     * catalogue's words; empty when every such threshold is met or the matter has none.
     */
    public List<LocalizedText> notRequiredFor(Map<String, ?> data) {
        return conditions.stream()
                .filter(c -> c.notRequired() != null && c.test(data) == Condition.Outcome.NOT_MET)
                .map(Condition::notRequired)
                .distinct()
                .toList();
    }

    public Optional<Material> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom);
    }
}
