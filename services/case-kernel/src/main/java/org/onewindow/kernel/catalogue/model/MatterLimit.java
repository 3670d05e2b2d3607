package org.onewindow.kernel.catalogue.model;

import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.TimeLimit;

/**
 * One limit of a matter: which clock, how long (empty when the seeds state none), what pauses it,
 * how far it may be extended, and where the number comes from.
 */
public record MatterLimit(
        ClockKind clock,
        String step,
        LimitBasis basis,
        Optional<TimeLimit> limit,
        Set<PauseReason> pausesFor,
        Optional<TimeLimit> extendableTo,
        String source,
        String decision) {

    public MatterLimit {
        pausesFor = Set.copyOf(pausesFor);
    }

    public boolean stated() {
        return limit.isPresent();
    }
}
