package org.onewindow.runtime.fakes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.onewindow.kernel.caseno.model.CaseNumberSequence;
import org.onewindow.kernel.catalogue.model.OwningService;

/** One counter per jurisdiction, service and day, from 1. */
public final class InMemoryCaseNumberSequence implements CaseNumberSequence {

    private final Map<String, Long> counters = new HashMap<>();

    @Override
    public long next(String jurisdiction, OwningService service, LocalDate day) {
        return counters.merge(jurisdiction + "/" + service.code() + "/" + day, 1L, Long::sum);
    }
}
