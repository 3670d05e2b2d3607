package org.onewindow.supervision.board;

import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.MalformedEventData;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.board.model.BoardEvents;

/**
 * One case service's {@code case.*} events onto the board: each in the inbox's transaction, so an
 * event delivered again changes nothing, and one whose data the board cannot use goes to the
 * dead-letter topic ({@code …board-<service>.dlt}) while the rest go on.
 */
class BoardFeed implements CaseEventHandler {

    static final Set<String> TYPES = Set.of(
            "case.accepted",
            "case.suspended",
            "case.resumed",
            "case.extended",
            "case.due-recomputed",
            "case.sla-warning",
            "case.sla-breached",
            "case.decided",
            "case.delivered",
            "case.withdrawn",
            "case.rated");

    private final OwningService service;
    private final Board board;

    BoardFeed(OwningService service, Board board) {
        this.service = service;
        this.board = board;
    }

    @Override
    public String name() {
        return "board-" + service.id();
    }

    @Override
    public String topic() {
        return service.topic();
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public void handle(CaseEvent event) {
        Optional<BoardCase> now;
        try {
            now = BoardEvents.apply(board.find(event.subject()), service.id(), event);
        } catch (BoardEvents.Unusable e) {
            throw new MalformedEventData(e.getMessage());
        }
        now.ifPresent(board::save);
    }
}
