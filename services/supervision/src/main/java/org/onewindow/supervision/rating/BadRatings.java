package org.onewindow.supervision.rating;

import java.util.Set;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.MalformedEventData;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.order.OrderOpening;

/**
 * 差评转办: one service's ratings, each looked at once (the inbox); a score the catalogue counts as a
 * 差评 opens a 整改 for the rated case's department. The board must know the case first: until its
 * feed has caught up the event is tried again, not dropped.
 */
class BadRatings implements CaseEventHandler {

    private final OwningService service;
    private final Board board;
    private final OrderOpening opening;

    BadRatings(OwningService service, Board board, OrderOpening opening) {
        this.service = service;
        this.board = board;
        this.opening = opening;
    }

    @Override
    public String name() {
        return "ratings-" + service.id();
    }

    @Override
    public String topic() {
        return service.topic();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("case.rated");
    }

    @Override
    public void handle(CaseEvent event) {
        if (!(event.data().get("score") instanceof Number score) || score.intValue() < 1 || score.intValue() > 5) {
            throw new MalformedEventData("case.rated with a score that is not 1 to 5: "
                    + event.data().get("score"));
        }
        BoardCase rated = board.find(event.subject())
                .filter(line -> line.matterCode() != null)
                .orElseThrow(() ->
                        new IllegalStateException("the board does not know " + event.subject() + " yet; tried again"));
        opening.forRating(rated, score.intValue());
    }
}
