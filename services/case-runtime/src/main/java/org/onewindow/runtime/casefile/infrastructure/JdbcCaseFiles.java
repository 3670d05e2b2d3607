package org.onewindow.runtime.casefile.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseLink;
import org.onewindow.runtime.casefile.model.CaseQuery;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service's case table, its per-step progress and its links, on PostgreSQL. */
public class JdbcCaseFiles implements CaseFiles {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    /** What {@link #caseFile} reads: every column but the application. */
    private static final String FILE_COLUMNS = "case_number, jurisdiction, matter_code, catalogue_version, channel,"
            + " status, outcome, applicant_type, applicant_name, applicant_uscc, applicant_subject, submitted_by,"
            + " department, accepted_at, due_at, whole_process_due_at, calendar_known, supplement_due_at,"
            + " delivered_at, rating, results, caused_by";

    public JdbcCaseFiles(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(CaseFile c, List<Receipt.MissingMaterial> owed, Application application) {
        jdbc.sql(
                        """
                INSERT INTO case_file (case_number, jurisdiction, matter_code, catalogue_version, channel, status,
                    outcome, applicant_type, applicant_name, applicant_uscc, applicant_subject, submitted_by,
                    department, accepted_at, due_at, whole_process_due_at, calendar_known, supplement_due_at,
                    owed_materials, application, results, caused_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")
                .params(
                        c.caseNumber(),
                        c.jurisdiction(),
                        c.matterCode(),
                        c.catalogueVersion(),
                        c.channel().name(),
                        c.status().name(),
                        c.outcome(),
                        c.applicant().type(),
                        c.applicant().name(),
                        c.applicant().uscc(),
                        c.applicantSubject(),
                        c.submittedBy(),
                        c.department(),
                        ts(c.acceptedAt()),
                        ts(c.dueAt()),
                        ts(c.wholeProcessDueAt()),
                        c.calendarKnown(),
                        ts(c.supplementDueAt()),
                        write(owed),
                        write(application),
                        write(c.results()),
                        c.causedBy())
                .update();
        if (c.deliveredAt() != null) {
            jdbc.sql("UPDATE case_file SET delivered_at = ? WHERE case_number = ?")
                    .params(ts(c.deliveredAt()), c.caseNumber())
                    .update();
        }
    }

    @Override
    public Optional<CaseFile> find(String caseNumber) {
        List<CaseFile.Step> steps = jdbc.sql("SELECT step, status, started_at, completed_at, reference FROM case_step"
                        + " WHERE case_number = ? ORDER BY started_at, step")
                .param(caseNumber)
                .query((rs, i) -> new CaseFile.Step(
                        rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(5)))
                .list();
        List<CaseLink> links = jdbc.sql("SELECT other_case, kind FROM case_link WHERE case_number = ? ORDER BY 1")
                .param(caseNumber)
                .query((rs, i) -> new CaseLink(rs.getString(1), CaseLink.Kind.valueOf(rs.getString(2))))
                .list();
        return jdbc.sql("SELECT " + FILE_COLUMNS + " FROM case_file WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> caseFile(rs, steps, links))
                .optional();
    }

    @Override
    public List<CaseQuery.Listed> list(CaseQuery q) {
        // The level is the highest any clock of the case reached, as the SLA monitor stored it
        // (it only ever raises a level), so a case once red stays on the breach list.
        return jdbc.sql(
                        """
                SELECT * FROM (SELECT f.*, (SELECT CASE max(CASE c.level WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END)
                        WHEN 2 THEN 'RED' WHEN 1 THEN 'YELLOW' ELSE 'GREEN' END
                        FROM case_clock c WHERE c.case_number = f.case_number) AS sla_level
                    FROM case_file f
                    WHERE (?::text IS NULL OR f.jurisdiction = ?)
                      AND (?::text IS NULL OR f.applicant_subject = ? OR f.applicant_uscc = ?)
                      AND (?::text IS NULL OR f.status = ?)
                      AND (?::text IS NULL OR f.matter_code = ?)
                      AND (?::text IS NULL OR f.department = ?)) listed
                WHERE (?::text IS NULL OR sla_level = ?)
                ORDER BY accepted_at DESC, case_number DESC LIMIT ?""")
                .params(
                        q.jurisdiction(),
                        q.jurisdiction(),
                        q.applicantSubject(),
                        q.applicantSubject(),
                        q.applicantUscc(),
                        name(q.status()),
                        name(q.status()),
                        q.matterCode(),
                        q.matterCode(),
                        q.department(),
                        q.department(),
                        name(q.level()),
                        name(q.level()),
                        q.limit())
                .query((rs, i) -> new CaseQuery.Listed(
                        caseFile(rs, List.of(), List.of()), SlaLevel.valueOf(rs.getString("sla_level"))))
                .list();
    }

    @Override
    public Optional<Application> application(String caseNumber) {
        return jdbc.sql("SELECT application::text FROM case_file WHERE case_number = ?")
                .param(caseNumber)
                .query(String.class)
                .optional()
                .map(text -> read(text, Application.class));
    }

    @Override
    public boolean transition(CaseFile from, CaseFile to) {
        return jdbc.sql("UPDATE case_file SET status = ?, delivered_at = ?, updated_at = now()"
                                + " WHERE case_number = ? AND status = ?")
                        .params(
                                to.status().name(),
                                ts(to.deliveredAt()),
                                from.caseNumber(),
                                from.status().name())
                        .update()
                == 1;
    }

    @Override
    public void stepStarted(String caseNumber, String step, Instant at) {
        jdbc.sql("INSERT INTO case_step (case_number, step, status, started_at) VALUES (?, ?, 'IN_PROGRESS', ?)"
                        + " ON CONFLICT (case_number, step) DO NOTHING")
                .params(caseNumber, step, ts(at))
                .update();
    }

    @Override
    public boolean stepCompleted(String caseNumber, String step, String reference, Instant at) {
        return jdbc.sql("UPDATE case_step SET status = 'DONE', completed_at = ?, reference = ?"
                                + " WHERE case_number = ? AND step = ? AND status <> 'DONE'")
                        .params(ts(at), reference, caseNumber, step)
                        .update()
                == 1;
    }

    @Override
    public List<String> owed(String caseNumber) {
        return jdbc.sql(
                        "SELECT e->>'code' FROM case_file, jsonb_array_elements(owed_materials) e WHERE case_number = ?")
                .param(caseNumber)
                .query(String.class)
                .list();
    }

    @Override
    public void supplied(String caseNumber, List<String> codes) {
        jdbc.sql("UPDATE case_file SET updated_at = now(), owed_materials = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb)"
                        + " FROM jsonb_array_elements(owed_materials) e WHERE NOT (e->>'code' = ANY(?)))"
                        + " WHERE case_number = ?")
                .params(codes.toArray(String[]::new), caseNumber)
                .update();
    }

    @Override
    public void addResults(String caseNumber, Map<String, Object> results) {
        jdbc.sql("UPDATE case_file SET results = results || ?::jsonb, updated_at = now() WHERE case_number = ?")
                .params(write(results), caseNumber)
                .update();
    }

    @Override
    public boolean rated(String caseNumber, int score, String comment, Instant at) {
        return jdbc.sql("UPDATE case_file SET rating = ?, rating_comment = ?, rated_at = ?, updated_at = now()"
                                + " WHERE case_number = ? AND status = 'DELIVERED' AND rating IS NULL")
                        .params(score, comment, ts(at), caseNumber)
                        .update()
                == 1;
    }

    @Override
    public void link(String caseNumber, CaseLink link) {
        String sql = "INSERT INTO case_link (case_number, other_case, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
        jdbc.sql(sql).params(caseNumber, link.otherCase(), link.kind().name()).update();
        jdbc.sql(sql)
                .params(link.otherCase(), caseNumber, link.inverse().name())
                .update();
    }

    @Override
    public Map<String, CaseFile> summaries(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, CaseFile> out = new HashMap<>();
        // not the submitted application (JSONB, the largest column): no list shows it
        jdbc.sql("SELECT " + FILE_COLUMNS + " FROM case_file WHERE case_number = ANY(?)")
                .param(caseNumbers.toArray(String[]::new))
                .query((rs, i) -> caseFile(rs, List.of(), List.of()))
                .list()
                .forEach(f -> out.put(f.caseNumber(), f));
        return out;
    }

    @Override
    public void repromised(String caseNumber, Instant dueAt, Instant wholeProcessDueAt, boolean calendarKnown) {
        jdbc.sql("UPDATE case_file SET due_at = ?, whole_process_due_at = ?, calendar_known = ?, updated_at = now()"
                        + " WHERE case_number = ?")
                .params(ts(dueAt), ts(wholeProcessDueAt), calendarKnown, caseNumber)
                .update();
    }

    private CaseFile caseFile(ResultSet rs, List<CaseFile.Step> steps, List<CaseLink> links) throws SQLException {
        return new CaseFile(
                rs.getString("case_number"),
                rs.getString("jurisdiction"),
                rs.getString("matter_code"),
                rs.getString("catalogue_version"),
                Channel.valueOf(rs.getString("channel")),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("outcome"),
                new CaseFile.Party(
                        rs.getString("applicant_type"), rs.getString("applicant_name"), rs.getString("applicant_uscc")),
                rs.getString("applicant_subject"),
                rs.getString("submitted_by"),
                rs.getString("department"),
                instant(rs, "accepted_at"),
                instant(rs, "due_at"),
                instant(rs, "whole_process_due_at"),
                rs.getBoolean("calendar_known"),
                instant(rs, "supplement_due_at"),
                instant(rs, "delivered_at"),
                (Integer) rs.getObject("rating"),
                read(rs.getString("results")),
                rs.getString("caused_by"),
                steps,
                links);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return value == null ? Map.of() : json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable results: " + value, e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + ": " + value, e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
