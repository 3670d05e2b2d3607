package org.onewindow.runtime.clock;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.clock.model.ClockStore;

/**
 * 黄牌预警 and 红牌: looks at running clocks and raises case.sla-warning when a clock has used the
 * catalogue's warning share of its budget, case.sla-breached when it is past due — each once per
 * clock. Due dates are the kernel clock's, never Camunda's. A clock is looked at only when its level
 * can have risen (its stored check time, {@link CaseClock#nextCheck}), so a scan costs what is due,
 * not every open case.
 */
public class SlaMonitor {

    private final ClockStore clocks;
    private final ClockKeeper keeper;
    private final CaseJournal journal;
    private final Clock clock;

    public SlaMonitor(ClockStore clocks, ClockKeeper keeper, CaseJournal journal, Clock clock) {
        this.clocks = clocks;
        this.keeper = keeper;
        this.journal = journal;
        this.clock = clock;
    }

    /** The instant a scan starts: it checks the clocks due by then, however long it takes. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Checks up to {@code size} clocks due for a check by {@code until}; false when there were
     * fewer, so the scan is through. Each checked clock gets a check time after now.
     */
    public boolean checkBatch(Instant until, int size) {
        List<ClockStore.Stored> batch = clocks.dueForCheck(until, size);
        Instant now = clock.instant();
        batch.forEach(stored -> check(stored, now));
        return batch.size() == size;
    }

    private void check(ClockStore.Stored stored, Instant now) {
        CaseClock c = stored.clock();
        StatutoryClock statutory = keeper.statutoryClock(stored.jurisdiction(), c);
        SlaLevel level = c.level(statutory, now);
        SlaLevel reported = rank(level) > rank(stored.reported()) ? level : stored.reported();
        clocks.checked(
                stored.caseNumber(),
                stored.name(),
                reported,
                after(now, keeper.nextCheck(stored.jurisdiction(), c, reported)));
        if (reported == stored.reported()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clock", c.kind().name());
        if (c.kind() == ClockKind.STEP) {
            data.put("step", c.step());
        }
        data.put(
                "dueAt",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        c.due(statutory, now).at().atZone(statutory.zone())));
        data.put("usedShare", c.usedShare(statutory, now).setScale(3, RoundingMode.HALF_UP));
        boolean red = level == SlaLevel.RED;
        journal.recordBySystem(
                red ? "sla.breach" : "sla.warn",
                stored.caseNumber(),
                stored.jurisdiction(),
                red ? "case.sla-breached" : "case.sla-warning",
                data);
    }

    /**
     * A check time not after now would be picked again by the same scan; it can only come from the
     * millisecond rounding of the warning share, so the next scan looks again.
     */
    private static Instant after(Instant now, Instant next) {
        return next == null || next.isAfter(now) ? next : now.plusSeconds(1);
    }

    /** Only a rise is reported: green → yellow → red. */
    private static int rank(SlaLevel level) {
        return switch (level) {
            case YELLOW -> 1;
            case RED -> 2;
            default -> 0;
        };
    }
}
