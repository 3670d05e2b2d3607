package org.onewindow.supervision.board.model;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A board built beside the live one (from the topics, from their beginning) and then swapped in for
 * it: the live board answers and takes events all the while.
 */
public interface FreshBoard {

    /** An empty board shaped like the live one, replacing any left over from an earlier attempt. */
    void begin();

    /** The fresh board's lines of these cases. */
    Map<String, BoardCase> find(Collection<String> caseNumbers);

    void saveAll(Collection<BoardCase> lines);

    /** As {@link Board#flagOverdue}, on the fresh board. */
    int flagOverdue(Instant now);

    /**
     * Holds the live board still until the end of the transaction: the feeds, the scan and readers
     * wait, so the last events can be replayed and the boards swapped with nothing between.
     */
    void holdLive();

    /** The fresh board becomes the live one; the old one is dropped. Call in the transaction of {@link #holdLive}. */
    void swap();

    long lines();
}
