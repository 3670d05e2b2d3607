package org.onewindow.kernel.audit.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail in the service's own database. The application's database role may only INSERT
 * and SELECT here: UPDATE, DELETE and TRUNCATE are revoked by the migration.
 */
public final class JdbcAuditTrail implements AuditTrail {
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public JdbcAuditTrail(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.sql(
                        """
                        INSERT INTO audit_trail (occurred_at, actor, role, jurisdiction, action, subject, reason, details)
                        VALUES (:at, :actor, :role, :jurisdiction, :action, :subject, :reason, CAST(:details AS jsonb))""")
                .param("at", Timestamp.from(e.at()))
                .param("actor", e.actor())
                .param("role", e.role())
                .param("jurisdiction", e.jurisdiction())
                .param("action", e.action())
                .param("subject", e.subject())
                .param("reason", e.reason())
                .param("details", write(e.details()))
                .update();
    }

    @Override
    public List<AuditEntry> of(String subject) {
        return jdbc.sql(
                        """
                        SELECT occurred_at, actor, role, jurisdiction, action, subject, reason, details::text AS details
                        FROM audit_trail WHERE subject = :subject ORDER BY id""")
                .param("subject", subject)
                .query((rs, n) -> new AuditEntry(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("role"),
                        rs.getString("jurisdiction"),
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("reason"),
                        read(rs.getString("details"))))
                .list();
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }

    private Map<String, Object> read(String details) {
        try {
            return details == null ? Map.of() : json.readValue(details, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details unreadable", e);
        }
    }
}
