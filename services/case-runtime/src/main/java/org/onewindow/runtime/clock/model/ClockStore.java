package org.onewindow.runtime.clock.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;

/** Port to where the clocks of the cases are kept, each whole (the kernel's immutable {@link CaseClock}). */
public interface ClockStore {

    /** A stored clock with its case's jurisdiction and the SLA level last reported for it. */
    record Stored(String caseNumber, String jurisdiction, String name, CaseClock clock, SlaLevel reported) {}

    /** APPROVAL, WHOLE_PROCESS, or STEP:&lt;step&gt;. */
    static String nameOf(CaseClock clock) {
        return clock.kind() == ClockKind.STEP
                ? "STEP:" + clock.step()
                : clock.kind().name();
    }

    /** A new clock; {@code checkAt} is when the SLA scan should look at it, null for never. */
    void insert(String caseNumber, CaseClock clock, Instant checkAt);

    /** A clock changed (paused, resumed, extended, stopped), with its new check time (null: never). */
    void update(String caseNumber, CaseClock clock, Instant checkAt);

    /** The SLA scan looked at a clock: the level last reported and when to look again (null: never). */
    void checked(String caseNumber, String name, SlaLevel reported, Instant checkAt);

    /** The clocks of a case, locked for the calling transaction. */
    List<Stored> ofCase(String caseNumber);

    /** The approval clocks of many cases at once, unlocked: for reading (the approver's inbox). */
    List<Stored> approvalClocks(Collection<String> caseNumbers);

    /**
     * Up to {@code size} running clocks whose check time is at or before {@code until}, earliest
     * first, locked; clocks another instance is checking are skipped, so several service instances
     * can scan side by side.
     */
    List<Stored> dueForCheck(Instant until, int size);

    /**
     * Up to {@code size} cases whose promise is 'calendar unknown' and that have a running clock
     * under a calendar edition before {@code calendarThrough} (or under none recorded), in
     * case-number order: what a recomputation onto a newly published year has left to do. A closed
     * case has no running clock, so it is never among them.
     */
    List<String> behindCalendar(int calendarThrough, int size);

    /** How many cases {@link #behindCalendar} has in all. */
    int countBehindCalendar(int calendarThrough);
}
