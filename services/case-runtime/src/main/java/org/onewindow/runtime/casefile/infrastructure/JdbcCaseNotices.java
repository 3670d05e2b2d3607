package org.onewindow.runtime.casefile.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.runtime.casefile.model.CaseNotice;
import org.onewindow.runtime.casefile.model.CaseNotices;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CaseNotices} in the service's own {@code case_notice} table. */
public class JdbcCaseNotices implements CaseNotices {

    private final JdbcClient jdbc;

    public JdbcCaseNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(CaseNotice n) {
        return jdbc.sql(
                                """
                        INSERT INTO case_notice (event_id, case_number, kind, from_case, escalated, respond_by,
                                                 reason, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                n.eventId(),
                                n.caseNumber(),
                                n.kind().name(),
                                n.fromCase(),
                                n.escalated(),
                                timestamp(n.respondBy()),
                                n.reason(),
                                timestamp(n.receivedAt()))
                        .update()
                == 1;
    }

    @Override
    public List<CaseNotice> of(String caseNumber) {
        return jdbc.sql("SELECT * FROM case_notice WHERE case_number = ? ORDER BY received_at, event_id")
                .param(caseNumber)
                .query((rs, i) -> new CaseNotice(
                        rs.getString("event_id"),
                        rs.getString("case_number"),
                        CaseNotice.Kind.valueOf(rs.getString("kind")),
                        rs.getString("from_case"),
                        rs.getBoolean("escalated"),
                        instant(rs.getTimestamp("respond_by")),
                        rs.getString("reason"),
                        instant(rs.getTimestamp("received_at"))))
                .list();
    }

    @Override
    public Set<String> noticed(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT case_number FROM case_notice WHERE case_number = ANY (?)")
                .param(caseNumbers.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
