package org.onewindow.supervision.board.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBoard implements Board {

    /** An open line's state as the board counts it: PAUSED while suspended, else its level. */
    private static final String STATE = "CASE WHEN suspended THEN 'PAUSED' ELSE level END";

    private final JdbcClient jdbc;

    JdbcBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BoardCase> find(String caseNumber) {
        return jdbc.sql("SELECT * FROM board_case WHERE case_number = ? FOR UPDATE")
                .param(caseNumber)
                .query(JdbcBoard::line)
                .optional();
    }

    @Override
    public void save(BoardCase l) {
        jdbc.sql(BoardRows.upsert("board_case"))
                .paramSource(BoardRows.params(l))
                .update();
    }

    @Override
    public int flagOverdue(Instant now) {
        return jdbc.sql(BoardRows.flagOverdue("board_case"))
                .params(ts(now), ts(now), ts(now))
                .update();
    }

    @Override
    public List<BoardCase> breachedWithoutOrder(Set<String> exceptMatters, int limit) {
        return jdbc.sql(
                        """
                SELECT * FROM board_case b
                WHERE b.status = 'IN_PROGRESS' AND b.level = 'RED'
                  AND NOT (b.service = 'supervision' AND b.matter_code = ANY (?))
                  AND NOT EXISTS (SELECT 1 FROM supervision_order o WHERE o.cause = 'breach:' || b.case_number)
                ORDER BY b.due_at NULLS LAST LIMIT ?
                """)
                .params(exceptMatters.toArray(String[]::new), limit)
                .query(JdbcBoard::line)
                .list();
    }

    @Override
    public List<Count> open(String jurisdiction) {
        return jdbc.sql("SELECT service, " + STATE + " AS state, count(*) AS cases FROM board_case"
                        + " WHERE status = 'IN_PROGRESS' AND jurisdiction = ? GROUP BY 1, 2 ORDER BY 1, 2")
                .param(jurisdiction)
                .query((rs, i) -> new Count(rs.getString("service"), rs.getString("state"), rs.getLong("cases")))
                .list();
    }

    @Override
    public List<Tally> openBy(String jurisdiction, Dimension by) {
        String key = by == Dimension.DEPARTMENT ? "coalesce(department, '')" : "matter_code";
        return jdbc.sql("SELECT " + key + " AS key, " + STATE + " AS state, count(*) AS cases FROM board_case"
                        + " WHERE status = 'IN_PROGRESS' AND jurisdiction = ? GROUP BY 1, 2 ORDER BY 1, 2")
                .param(jurisdiction)
                .query((rs, i) -> new Tally(rs.getString("key"), rs.getString("state"), rs.getLong("cases")))
                .list();
    }

    @Override
    public List<Tally> overdueAgeing(String jurisdiction, Instant now) {
        return jdbc.sql(
                        """
                SELECT CASE WHEN ? - due_at < interval '1 day' THEN 'UP_TO_1_DAY'
                            WHEN ? - due_at < interval '3 days' THEN '1_TO_3_DAYS'
                            WHEN ? - due_at < interval '7 days' THEN '3_TO_7_DAYS'
                            ELSE 'OVER_7_DAYS' END AS key, count(*) AS cases
                FROM board_case
                WHERE status = 'IN_PROGRESS' AND jurisdiction = ? AND NOT suspended AND due_at IS NOT NULL
                  AND due_at <= ?
                GROUP BY 1 ORDER BY min(due_at) DESC
                """)
                .params(ts(now), ts(now), ts(now), jurisdiction, ts(now))
                .query((rs, i) -> new Tally(rs.getString("key"), "RED", rs.getLong("cases")))
                .list();
    }

    @Override
    public List<Rating> ratings(String jurisdiction, Instant from, Instant to) {
        return jdbc.sql(
                        """
                SELECT matter_code, coalesce(department, '') AS department, coalesce(channel, '') AS channel,
                       count(*) AS rated, avg(score) AS average, count(*) FILTER (WHERE score <= 2) AS dissatisfied
                FROM board_case
                WHERE jurisdiction = ? AND decided_at >= ? AND decided_at < ? AND score IS NOT NULL
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """)
                .params(jurisdiction, ts(from), ts(to))
                .query((rs, i) -> new Rating(
                        rs.getString("matter_code"),
                        rs.getString("department"),
                        rs.getString("channel"),
                        rs.getLong("rated"),
                        Math.round(rs.getDouble("average") * 100) / 100.0,
                        rs.getLong("dissatisfied")))
                .list();
    }

    @Override
    public List<DepartmentMonth> departments(String jurisdiction, Instant from, Instant to) {
        return jdbc.sql(
                        """
                SELECT coalesce(department, '') AS department,
                       count(*) FILTER (WHERE accepted_at >= :from AND accepted_at < :to) AS accepted,
                       count(*) FILTER (WHERE decided_at >= :from AND decided_at < :to) AS decided,
                       count(*) FILTER (WHERE decided_at >= :from AND decided_at < :to AND on_time) AS on_time,
                       count(*) FILTER (WHERE (decided_at >= :from AND decided_at < :to AND NOT on_time)
                                           OR (status = 'IN_PROGRESS' AND level = 'RED')) AS breached,
                       count(*) FILTER (WHERE decided_at >= :from AND decided_at < :to AND score IS NOT NULL) AS rated,
                       count(*) FILTER (WHERE decided_at >= :from AND decided_at < :to AND score <= 2) AS dissatisfied
                FROM board_case
                WHERE jurisdiction = :jurisdiction
                  AND ((accepted_at >= :from AND accepted_at < :to) OR (decided_at >= :from AND decided_at < :to)
                       OR (status = 'IN_PROGRESS' AND level = 'RED'))
                GROUP BY 1 ORDER BY 1
                """)
                .param("jurisdiction", jurisdiction)
                .param("from", ts(from))
                .param("to", ts(to))
                .query((rs, i) -> new DepartmentMonth(
                        rs.getString("department"),
                        rs.getLong("accepted"),
                        rs.getLong("decided"),
                        rs.getLong("on_time"),
                        rs.getLong("breached"),
                        rs.getLong("rated"),
                        rs.getLong("dissatisfied")))
                .list();
    }

    @Override
    public List<BoardCase> list(Query q) {
        StringBuilder sql =
                new StringBuilder("SELECT * FROM board_case WHERE status = 'IN_PROGRESS' AND jurisdiction = ?");
        List<Object> params = new ArrayList<>(List.of(q.jurisdiction()));
        narrow(sql, params, "service", q.service());
        narrow(sql, params, "department", q.department());
        narrow(sql, params, "matter_code", q.matter());
        narrow(sql, params, STATE, q.state());
        sql.append(" ORDER BY due_at ASC NULLS LAST, case_number LIMIT ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(JdbcBoard::line).list();
    }

    @Override
    public List<BoardCase> search(Search q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM board_case WHERE matter_code IS NOT NULL");
        List<Object> params = new ArrayList<>();
        narrow(sql, params, "jurisdiction", q.jurisdiction());
        if (!q.applicantIds().isEmpty()) {
            sql.append(" AND applicant_id IN (")
                    .append(String.join(
                            ", ", java.util.Collections.nCopies(q.applicantIds().size(), "?")))
                    .append(")");
            params.addAll(q.applicantIds());
        }
        narrow(sql, params, "case_number", q.caseNumber());
        narrow(sql, params, "matter_code", q.matter());
        narrow(sql, params, "status", q.status());
        if (q.acceptedFrom() != null) {
            sql.append(" AND accepted_at >= ?");
            params.add(ts(q.acceptedFrom()));
        }
        if (q.acceptedTo() != null) {
            sql.append(" AND accepted_at < ?");
            params.add(ts(q.acceptedTo()));
        }
        sql.append(" ORDER BY accepted_at DESC NULLS LAST, case_number LIMIT ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(JdbcBoard::line).list();
    }

    private static void narrow(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    @Override
    public List<Share> withinPromise(String jurisdiction, Instant from, Instant to) {
        return jdbc.sql(
                        """
                SELECT matter_code, department, count(*) AS decided, count(*) FILTER (WHERE on_time) AS on_time
                FROM board_case
                WHERE jurisdiction = ? AND decided_at >= ? AND decided_at < ? AND on_time IS NOT NULL
                GROUP BY matter_code, department ORDER BY matter_code, department
                """)
                .params(jurisdiction, ts(from), ts(to))
                .query((rs, i) -> new Share(
                        rs.getString("matter_code"),
                        rs.getString("department"),
                        rs.getLong("decided"),
                        rs.getLong("on_time")))
                .list();
    }

    private static BoardCase line(ResultSet rs, int row) throws SQLException {
        return BoardRows.line(rs, row);
    }

    private static Timestamp ts(Instant i) {
        return BoardRows.ts(i);
    }
}
