package org.onewindow.supervision.board.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoardTalliesTest {

    static final List<Board.Open> OPEN = List.of(
            new Board.Open("construction-permit", "planning", "CP-2", "GREEN", 5),
            new Board.Open("construction-permit", "planning", "CP-3", "GREEN", 2),
            new Board.Open("construction-permit", "fire-protection", "CP-3", "RED", 1),
            new Board.Open("utility-hookup", "planning", "UT-E1", "PAUSED", 4));

    @Test
    void countsByServiceAddTheDepartmentsAndMattersUp() {
        assertThat(BoardTallies.byService(OPEN))
                .containsExactly(
                        new Board.Count("construction-permit", "GREEN", 7),
                        new Board.Count("construction-permit", "RED", 1),
                        new Board.Count("utility-hookup", "PAUSED", 4));
    }

    @Test
    void countsByDepartmentOrMatterKeepEachState() {
        assertThat(BoardTallies.by(OPEN, Board.Open::department))
                .containsExactly(
                        new Board.Tally("fire-protection", "RED", 1),
                        new Board.Tally("planning", "GREEN", 7),
                        new Board.Tally("planning", "PAUSED", 4));
        assertThat(BoardTallies.by(OPEN, Board.Open::matterCode))
                .extracting(Board.Tally::key)
                .containsExactly("CP-2", "CP-3", "CP-3", "UT-E1");
    }
}
