package org.onewindow.enterpriseopening.clock;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 黄牌预警 and 红牌: scans the running clocks and raises case.sla-warning when a clock has used the
 * catalogue's warning share of its budget, case.sla-breached when it is past due — each once per
 * clock. Due dates are the kernel clock's, never Camunda's.
 */
@Component
class SlaMonitor {

    private static final int BATCH = 200;

    private final CaseClocks clocks;
    private final ClockKeeper keeper;
    private final CaseJournal journal;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SlaMonitor(
            CaseClocks clocks,
            ClockKeeper keeper,
            CaseJournal journal,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock) {
        this.clocks = clocks;
        this.keeper = keeper;
        this.journal = journal;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${onewindow.sla.scan-every:60s}",
            initialDelayString = "${onewindow.sla.scan-every:60s}")
    void scan() {
        transaction.executeWithoutResult(tx -> clocks.runningBatch(BATCH).forEach(this::check));
    }

    private void check(CaseClocks.Stored stored) {
        Instant now = clock.instant();
        String jurisdiction = jdbc.sql("SELECT jurisdiction FROM case_file WHERE case_number = ?")
                .param(stored.caseNumber())
                .query(String.class)
                .single();
        var statutory = keeper.statutoryClock(jurisdiction, stored.clock().startedAt());
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
                jurisdiction,
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
