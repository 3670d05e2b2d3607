package org.onewindow.kernel.caseno.model;

import java.time.Clock;
import java.time.LocalDate;
import org.onewindow.kernel.catalogue.model.OwningService;

/** Issues case numbers for one service, dated in the service centre's time zone. */
public final class CaseNumbers {
    private final OwningService service;
    private final CaseNumberSequence sequence;
    private final Clock clock;

    public CaseNumbers(OwningService service, CaseNumberSequence sequence, Clock clock) {
        this.service = service;
        this.sequence = sequence;
        this.clock = clock;
    }

    public CaseNumber issue(String jurisdiction) {
        LocalDate day = LocalDate.now(clock);
        return new CaseNumber(jurisdiction, service, day, sequence.next(jurisdiction, service, day));
    }
}
