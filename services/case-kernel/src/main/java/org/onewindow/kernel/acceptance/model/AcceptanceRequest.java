package org.onewindow.kernel.acceptance.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.Jurisdiction;
import org.onewindow.kernel.catalogue.model.Matter;

/** What the rules judge: the matter in the jurisdiction's catalogue, the day, and what is presented. */
public record AcceptanceRequest(
        Jurisdiction jurisdiction,
        Matter matter,
        LocalDate on,
        List<PresentedMaterial> materials,
        Map<String, ?> data) {

    public AcceptanceRequest {
        materials = List.copyOf(materials);
        data = Map.copyOf(data);
    }
}
