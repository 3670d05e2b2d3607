package org.onewindow.supervision.order;

import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.onewindow.supervision.SupervisionSettings;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 超时督办: every breached case on the board (red by its service's word or by the board's own scan)
 * gets one 督办, each in its own transaction so one that cannot be opened holds up no other.
 */
@Component
class OrderScan {

    private static final Logger log = LoggerFactory.getLogger(OrderScan.class);
    private static final int BATCH = 50;

    private final Board board;
    private final OrderOpening opening;
    private final UnitOfWork work;
    private final SupervisionSettings settings;

    OrderScan(Board board, OrderOpening opening, UnitOfWork work, SupervisionSettings settings) {
        this.board = board;
        this.opening = opening;
        this.work = work;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${onewindow.supervision.orders-scan-every:2s}")
    void scan() {
        for (BoardCase breached : board.breachedWithoutOrder(settings.notSupervised(), BATCH)) {
            try {
                work.run(() -> opening.forBreach(breached)
                        .ifPresent(order -> log.info("督办 {} opened for {}", order, breached.caseNumber())));
            } catch (RuntimeException e) {
                log.warn("督办 for {} not opened, tried again next scan: {}", breached.caseNumber(), e.toString());
            }
        }
    }
}
