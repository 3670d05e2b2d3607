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
import org.onewindow.supervision.board.model.BoardStatus;
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
        jdbc.sql(
                        """
                INSERT INTO board_case (case_number, service, jurisdiction, matter_code, department, channel,
                    applicant_type, applicant_id, status, accepted_at, due_at, suspended, level, decided_at,
                    on_time, score, overdue_since, updated_at)
                VALUES (:caseNumber, :service, :jurisdiction, :matterCode, :department, :channel, :applicantType,
                    :applicantId, :status, :acceptedAt, :dueAt, :suspended, :level, :decidedAt, :onTime, :score,
                    :overdueSince, :updatedAt)
                ON CONFLICT (case_number) DO UPDATE SET service = EXCLUDED.service,
                    jurisdiction = EXCLUDED.jurisdiction, matter_code = EXCLUDED.matter_code,
                    department = EXCLUDED.department, channel = EXCLUDED.channel,
                    applicant_type = EXCLUDED.applicant_type, applicant_id = EXCLUDED.applicant_id,
                    status = EXCLUDED.status, accepted_at = EXCLUDED.accepted_at, due_at = EXCLUDED.due_at,
                    suspended = EXCLUDED.suspended, level = EXCLUDED.level, decided_at = EXCLUDED.decided_at,
                    on_time = EXCLUDED.on_time, score = EXCLUDED.score, overdue_since = EXCLUDED.overdue_since,
                    updated_at = EXCLUDED.updated_at
                """)
                .param("caseNumber", l.caseNumber())
                .param("service", l.service())
                .param("jurisdiction", l.jurisdiction())
                .param("matterCode", l.matterCode())
                .param("department", l.department())
                .param("channel", l.channel())
                .param("applicantType", l.applicantType())
                .param("applicantId", l.applicantId())
                .param("status", l.status().name())
                .param("acceptedAt", ts(l.acceptedAt()))
                .param("dueAt", ts(l.dueAt()))
                .param("suspended", l.suspended())
                .param("level", l.level().name())
                .param("decidedAt", ts(l.decidedAt()))
                .param("onTime", l.onTime())
                .param("score", l.score())
                .param("overdueSince", ts(l.overdueSince()))
                .param("updatedAt", ts(l.updatedAt()))
                .update();
    }

    @Override
    public int flagOverdue(Instant now) {
        return jdbc.sql(
                        """
                UPDATE board_case SET level = 'RED', overdue_since = ?, updated_at = ?
                WHERE status = 'IN_PROGRESS' AND NOT suspended AND level <> 'RED'
                  AND due_at IS NOT NULL AND due_at <= ?
                """)
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
        return new BoardCase(
                rs.getString("case_number"),
                rs.getString("service"),
                rs.getString("jurisdiction"),
                rs.getString("matter_code"),
                rs.getString("department"),
                rs.getString("channel"),
                rs.getString("applicant_type"),
                rs.getString("applicant_id"),
                BoardStatus.valueOf(rs.getString("status")),
                instant(rs, "accepted_at"),
                instant(rs, "due_at"),
                rs.getBoolean("suspended"),
                BoardCase.Level.valueOf(rs.getString("level")),
                instant(rs, "decided_at"),
                (Boolean) rs.getObject("on_time"),
                (Integer) rs.getObject("score", Integer.class),
                instant(rs, "overdue_since"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
