package org.onewindow.kernel.caseno.model;

import java.time.LocalDate;
import org.onewindow.kernel.catalogue.model.OwningService;

/** Port: the next sequence number of a jurisdiction, service and day; unique under concurrency. */
public interface CaseNumberSequence {
    long next(String jurisdiction, OwningService service, LocalDate day);
}
