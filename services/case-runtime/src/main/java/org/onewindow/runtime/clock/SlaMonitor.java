package org.onewindow.runtime.clock;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.clock.model.StatutoryClock;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.clock.model.ClockStore;

/**
 * 黄牌预警 and 红牌: looks at running clocks and raises case.sla-warning when a clock has used the
 * catalogue's warning share of its budget, case.sla-breached when it is past due — each once per
 * clock. Due dates are the kernel clock's, never Camunda's. {@link #checkBatch} visits one batch in
 * key order and returns where the next one starts, so a scan reaches every running clock.
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

    /** Checks up to {@code size} running clocks after {@code after}; empty when the scan is through. */
    public Optional<ClockStore.Cursor> checkBatch(ClockStore.Cursor after, int size) {
        List<ClockStore.Stored> batch = clocks.runningAfter(after, size);
        Instant now = clock.instant();
        batch.forEach(stored -> check(stored, now));
        if (batch.size() < size) {
            return Optional.empty();
        }
        ClockStore.Stored last = batch.get(batch.size() - 1);
        return Optional.of(new ClockStore.Cursor(last.caseNumber(), last.name()));
    }

    private void check(ClockStore.Stored stored, Instant now) {
        StatutoryClock statutory =
                keeper.statutoryClock(stored.jurisdiction(), stored.clock().startedAt());
        SlaLevel level = stored.clock().level(statutory, now);
        if (rank(level) <= rank(stored.reported())) {
            return;
        }
        clocks.reported(stored.caseNumber(), stored.name(), level);
        CaseClock c = stored.clock();
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

    /** Only a rise is reported: green → yellow → red. */
    private static int rank(SlaLevel level) {
        return switch (level) {
            case YELLOW -> 1;
            case RED -> 2;
            default -> 0;
        };
    }
}
