package org.onewindow.supervision.board.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.board.model.BoardStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** One board line as a row, the same for the live board and one being rebuilt beside it. */
final class BoardRows {

    private BoardRows() {}

    static String upsert(String table) {
        return """
                INSERT INTO %s (case_number, service, jurisdiction, matter_code, department, channel,
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
                """
                .formatted(table);
    }

    static MapSqlParameterSource params(BoardCase l) {
        return new MapSqlParameterSource()
                .addValue("caseNumber", l.caseNumber())
                .addValue("service", l.service())
                .addValue("jurisdiction", l.jurisdiction())
                .addValue("matterCode", l.matterCode())
                .addValue("department", l.department())
                .addValue("channel", l.channel())
                .addValue("applicantType", l.applicantType())
                .addValue("applicantId", l.applicantId())
                .addValue("status", l.status().name())
                .addValue("acceptedAt", ts(l.acceptedAt()))
                .addValue("dueAt", ts(l.dueAt()))
                .addValue("suspended", l.suspended())
                .addValue("level", l.level().name())
                .addValue("decidedAt", ts(l.decidedAt()))
                .addValue("onTime", l.onTime())
                .addValue("score", l.score())
                .addValue("overdueSince", ts(l.overdueSince()))
                .addValue("updatedAt", ts(l.updatedAt()));
    }

    static BoardCase line(ResultSet rs, int row) throws SQLException {
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
                rs.getObject("score", Integer.class),
                instant(rs, "overdue_since"),
                instant(rs, "updated_at"));
    }

    /** The running lines past their due date, not yet red, turned red: the board's own watch. */
    static String flagOverdue(String table) {
        return """
                UPDATE %s SET level = 'RED', overdue_since = ?, updated_at = ?
                WHERE status = 'IN_PROGRESS' AND NOT suspended AND level <> 'RED'
                  AND due_at IS NOT NULL AND due_at <= ?
                """
                .formatted(table);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
