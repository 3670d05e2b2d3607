package org.onewindow.runtime.clock;

import java.util.Optional;
import org.onewindow.runtime.clock.model.ClockStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the SLA scan over every running clock, one batch per transaction. */
public class SlaSchedule {

    private static final int BATCH = 200;

    private final SlaMonitor monitor;
    private final TransactionTemplate transaction;

    public SlaSchedule(SlaMonitor monitor, TransactionTemplate transaction) {
        this.monitor = monitor;
        this.transaction = transaction;
    }

    @Scheduled(
            fixedDelayString = "${onewindow.sla.scan-every:60s}",
            initialDelayString = "${onewindow.sla.scan-every:60s}")
    public void scan() {
        Optional<ClockStore.Cursor> next = Optional.of(ClockStore.Cursor.START);
        while (next.isPresent()) {
            ClockStore.Cursor after = next.get();
            next = transaction.execute(tx -> monitor.checkBatch(after, BATCH));
        }
    }
}
