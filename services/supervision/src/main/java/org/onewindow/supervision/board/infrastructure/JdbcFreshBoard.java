package org.onewindow.supervision.board.infrastructure;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.board.model.FreshBoard;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link FreshBoard} as the table {@code board_case_next}, renamed to {@code board_case} by the swap;
 * both DDL steps are the owner's functions (V2_2), since this service's role has no DDL rights.
 */
@Repository
class JdbcFreshBoard implements FreshBoard {

    private static final String NEXT = "board_case_next";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcFreshBoard(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    @Override
    public void begin() {
        // the owner's function (V2_2): this service's role has no DDL rights
        jdbc.sql("SELECT board_rebuild_begin()").query().singleRow();
    }

    @Override
    public Map<String, BoardCase> find(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT * FROM " + NEXT + " WHERE case_number = ANY (?)")
                .param(caseNumbers.toArray(String[]::new))
                .query(BoardRows::line)
                .list()
                .stream()
                .collect(Collectors.toMap(BoardCase::caseNumber, Function.identity()));
    }

    @Override
    public void saveAll(Collection<BoardCase> lines) {
        if (!lines.isEmpty()) {
            named.batchUpdate(
                    BoardRows.upsert(NEXT),
                    lines.stream().map(BoardRows::params).toArray(SqlParameterSource[]::new));
        }
    }

    @Override
    public int flagOverdue(Instant now) {
        return jdbc.sql(BoardRows.flagOverdue(NEXT))
                .params(BoardRows.ts(now), BoardRows.ts(now), BoardRows.ts(now))
                .update();
    }

    @Override
    public void holdLive() {
        jdbc.sql("LOCK TABLE board_case IN ACCESS EXCLUSIVE MODE").update();
    }

    @Override
    public void swap() {
        jdbc.sql("SELECT board_rebuild_swap()").query().singleRow();
    }

    @Override
    public long lines() {
        return jdbc.sql("SELECT count(*) FROM " + NEXT).query(Long.class).single();
    }
}
