package org.onewindow.supervision.board;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.onewindow.supervision.board.model.Board;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The board's own watch: a case whose due date passes turns red within a scan's interval, even when
 * its service says nothing (down, or its own SLA scan slower), so supervisors never wait on the
 * owning back office to learn of a breach.
 */
@Component
class OverdueScan {

    private static final Logger log = LoggerFactory.getLogger(OverdueScan.class);

    private final Board board;
    private final Clock clock;
    private final Counter flagged;

    OverdueScan(Board board, Clock clock, MeterRegistry registry) {
        this.board = board;
        this.clock = clock;
        this.flagged = Counter.builder("onewindow.board.overdue.flagged")
                .description("cases the board turned red itself when their due date passed")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${onewindow.board.scan-every:1s}")
    void scan() {
        int turned = board.flagOverdue(clock.instant());
        if (turned > 0) {
            flagged.increment(turned);
            log.info("board: {} case(s) past their due date turned red", turned);
        }
    }
}
