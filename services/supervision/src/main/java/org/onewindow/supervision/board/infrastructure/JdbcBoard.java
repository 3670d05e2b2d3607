package org.onewindow.supervision.board.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.onewindow.supervision.board.model.Board;
import org.onewindow.supervision.board.model.BoardCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBoard implements Board {

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
    public List<Open> open(String jurisdiction) {
        // grouped in the order of board_case_open_tally_idx: an index-only scan, no sort
        return jdbc.sql("SELECT service, coalesce(department, '') AS department, matter_code, level, suspended,"
                        + " count(*) AS cases FROM board_case WHERE status = 'IN_PROGRESS' AND jurisdiction = ?"
                        + " GROUP BY service, department, matter_code, level, suspended")
                .param(jurisdiction)
                .query((rs, i) -> new Open(
                        rs.getString("service"),
                        rs.getString("department"),
                        rs.getString("matter_code"),
                        rs.getBoolean("suspended") ? "PAUSED" : rs.getString("level"),
                        rs.getLong("cases")))
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
        // three small reads, each on its own index, rather than one pass over every case of the month
        Map<String, long[]> byDepartment = new TreeMap<>();
        jdbc.sql(
                        """
                SELECT coalesce(department, '') AS department, count(*) AS accepted FROM board_case
                WHERE jurisdiction = ? AND accepted_at >= ? AND accepted_at < ? GROUP BY 1
                """)
                .params(jurisdiction, ts(from), ts(to))
                .query(rs -> {
                    byDepartment.computeIfAbsent(rs.getString("department"), d -> new long[6])[0] =
                            rs.getLong("accepted");
                });
        jdbc.sql(
                        """
                SELECT coalesce(department, '') AS department, count(*) AS decided,
                       count(*) FILTER (WHERE on_time) AS on_time, count(*) FILTER (WHERE NOT on_time) AS late,
                       count(*) FILTER (WHERE score IS NOT NULL) AS rated,
                       count(*) FILTER (WHERE score <= 2) AS dissatisfied
                FROM board_case WHERE jurisdiction = ? AND decided_at >= ? AND decided_at < ? GROUP BY 1
                """)
                .params(jurisdiction, ts(from), ts(to))
                .query(rs -> {
                    long[] d = byDepartment.computeIfAbsent(rs.getString("department"), k -> new long[6]);
                    d[1] = rs.getLong("decided");
                    d[2] = rs.getLong("on_time");
                    d[3] += rs.getLong("late");
                    d[4] = rs.getLong("rated");
                    d[5] = rs.getLong("dissatisfied");
                });
        jdbc.sql(
                        """
                SELECT coalesce(department, '') AS department, count(*) AS running_red FROM board_case
                WHERE status = 'IN_PROGRESS' AND level = 'RED' AND jurisdiction = ? GROUP BY 1
                """)
                .param(jurisdiction)
                .query(rs -> {
                    byDepartment.computeIfAbsent(rs.getString("department"), k -> new long[6])[3] +=
                            rs.getLong("running_red");
                });
        return byDepartment.entrySet().stream()
                .map(e -> new DepartmentMonth(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4],
                        e.getValue()[5]))
                .toList();
    }

    @Override
    public List<BoardCase> list(Query q) {
        StringBuilder sql =
                new StringBuilder("SELECT * FROM board_case WHERE status = 'IN_PROGRESS' AND jurisdiction = ?");
        List<Object> params = new ArrayList<>(List.of(q.jurisdiction()));
        narrow(sql, params, "service", q.service());
        narrow(sql, params, "department", q.department());
        narrow(sql, params, "matter_code", q.matter());
        if (q.state() != null) {
            // as plain column tests, so the red ones come from their own index, not a filtered scan
            sql.append(
                    switch (q.state()) {
                        case "PAUSED" -> " AND suspended";
                        case "RED" -> " AND level = 'RED' AND NOT suspended";
                        case "YELLOW" -> " AND level = 'YELLOW' AND NOT suspended";
                        default -> " AND level = 'GREEN' AND NOT suspended";
                    });
        }
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
