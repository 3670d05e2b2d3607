package org.onewindow.kernel.catalogue.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.onewindow.kernel.clock.model.OfficeHours;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.text.LocalizedText;

/**
 * A jurisdiction as one catalogue version describes it: names, office hours, the yellow-warning
 * share and the default 容缺 supplement deadline.
 */
public record Jurisdiction(
        String code,
        String version,
        LocalDate effectiveFrom,
        LocalizedText name,
        LocalizedText parent,
        List<String> sources,
        OfficeHours officeHours,
        BigDecimal warningThreshold,
        TimeLimit supplementDeadline,
        List<Decision> decisions) {

    public Jurisdiction {
        sources = List.copyOf(sources);
        decisions = List.copyOf(decisions);
    }
}
