package org.onewindow.runtime.clock;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the SLA scan over the clocks due for a check, one batch per transaction. */
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
        Instant until = monitor.now();
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(tx -> monitor.checkBatch(until, BATCH)));
        }
    }
}
