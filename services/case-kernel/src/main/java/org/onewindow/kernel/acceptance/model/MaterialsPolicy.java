package org.onewindow.kernel.acceptance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onewindow.kernel.catalogue.model.Material;

/**
 * Checks every material of the matter against what is presented: present at all, with a reference
 * where the form needs one, a commitment only where 告知承诺 is allowed (§6.3), an e-licence only
 * where the catalogue names one that replaces it (§6.7).
 */
public final class MaterialsPolicy implements DeficiencyPolicy {

    @Override
    public List<Deficiency> find(AcceptanceRequest request) {
        Map<String, PresentedMaterial> presented = request.materials().stream()
                .collect(Collectors.toMap(PresentedMaterial::code, Function.identity(), (a, b) -> a));
        List<Deficiency> found = new ArrayList<>();
        for (Material material : request.matter().materials()) {
            problem(material, presented.get(material.code()))
                    .ifPresent(reason -> found.add(new Deficiency(
                            Deficiency.Kind.MATERIAL, material.code(), material.name(), reason, material.core())));
        }
        return found;
    }

    private static Optional<Deficiency.Reason> problem(Material material, PresentedMaterial given) {
        if (given == null) {
            return Optional.of(Deficiency.Reason.MISSING);
        }
        return switch (given.form()) {
            case PAPER -> Optional.empty();
            case UPLOAD -> given.hasReference() ? Optional.empty() : Optional.of(Deficiency.Reason.REFERENCE_MISSING);
            case COMMITMENT ->
                material.commitmentAllowed() ? Optional.empty() : Optional.of(Deficiency.Reason.COMMITMENT_NOT_ALLOWED);
            case SHARED -> given.hasReference() ? Optional.empty() : Optional.of(Deficiency.Reason.REFERENCE_MISSING);
            case E_LICENCE -> {
                if (material.eLicence().isEmpty()) {
                    yield Optional.of(Deficiency.Reason.E_LICENCE_NOT_ACCEPTED);
                }
                yield given.hasReference() ? Optional.empty() : Optional.of(Deficiency.Reason.REFERENCE_MISSING);
            }
        };
    }
}
