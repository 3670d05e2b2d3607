package org.onewindow.kernel.catalogue.model;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.onewindow.kernel.clock.model.DueDate;

/**
 * What the platform promises for a matter accepted at a given moment, without pauses: the same
 * dates on the 受理回执 and in the public 办事指南.
 *
 * @param approval when the approval limit runs out; empty when the catalogue states none
 * @param wholeProcess when the whole-process limit runs out; empty when none is stated
 * @param steps every step with a stated limit, counted from the acceptance
 */
public record Promise(Optional<DueDate> approval, Optional<DueDate> wholeProcess, List<StepDue> steps) {

    public Promise {
        steps = List.copyOf(steps);
    }

    /** One step's promised date. */
    public record StepDue(String step, DueDate due) {}

    /** Years whose holidays the platform does not know yet, for any date of the promise. */
    public SortedSet<Integer> unknownYears() {
        SortedSet<Integer> unknown = new TreeSet<>();
        approval.ifPresent(d -> unknown.addAll(d.unknownYears()));
        wholeProcess.ifPresent(d -> unknown.addAll(d.unknownYears()));
        steps.forEach(s -> unknown.addAll(s.due().unknownYears()));
        return unknown;
    }

    /** Whether every date of the promise was computed with a known holiday calendar. */
    public boolean calendarKnown() {
        return unknownYears().isEmpty();
    }
}
