package org.onewindow.supervision.board.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The board's counts by service, department or matter and state, from one pass over the open cases. */
public final class BoardTallies {

    private BoardTallies() {}

    public static List<Board.Count> byService(List<Board.Open> open) {
        return by(open, Board.Open::service).stream()
                .map(t -> new Board.Count(t.key(), t.state(), t.cases()))
                .toList();
    }

    public static List<Board.Tally> by(List<Board.Open> open, Function<Board.Open, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        for (Board.Open o : open) {
            counts.merge(key.apply(o) + "\u0000" + o.state(), o.cases(), Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\u0000", 2);
                    return new Board.Tally(k[0], k[1], e.getValue());
                })
                .toList();
    }
}
