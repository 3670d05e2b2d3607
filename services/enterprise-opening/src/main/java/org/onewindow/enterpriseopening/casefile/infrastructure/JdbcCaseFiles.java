package org.onewindow.enterpriseopening.casefile.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onewindow.enterpriseopening.casefile.model.CaseFile;
import org.onewindow.enterpriseopening.casefile.model.CaseStatus;
import org.onewindow.kernel.application.model.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service's case table and its per-component progress. */
@Repository
public class JdbcCaseFiles {

    private final JdbcClient jdbc;

    public JdbcCaseFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CaseFile c, String outcome, String owedMaterialsJson, String applicationJson) {
        jdbc.sql(
                        """
                INSERT INTO case_file (case_number, jurisdiction, matter_code, catalogue_version, channel, status,
                    outcome, applicant_type, applicant_name, applicant_uscc, applicant_subject, submitted_by,
                    accepted_at, due_at, whole_process_due_at, calendar_known, supplement_due_at, owed_materials,
                    application)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(
                        c.caseNumber(),
                        c.jurisdiction(),
                        c.matterCode(),
                        c.catalogueVersion(),
                        c.channel().name(),
                        c.status().name(),
                        outcome,
                        c.applicantType(),
                        c.applicantName(),
                        c.applicantUscc(),
                        c.applicantSubject(),
                        c.submittedBy(),
                        ts(c.acceptedAt()),
                        ts(c.dueAt()),
                        ts(c.wholeProcessDueAt()),
                        c.calendarKnown(),
                        ts(c.supplementDueAt()),
                        owedMaterialsJson,
                        applicationJson)
                .update();
    }

    public Optional<CaseFile> find(String caseNumber) {
        List<CaseFile.Step> steps = jdbc.sql("SELECT step, status, started_at, completed_at, reference FROM case_step"
                        + " WHERE case_number = ? ORDER BY started_at, step")
                .param(caseNumber)
                .query((rs, i) -> new CaseFile.Step(
                        rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(5)))
                .list();
        return jdbc.sql("SELECT * FROM case_file WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> caseFile(rs, steps))
                .optional();
    }

    /** Cases of a jurisdiction, newest first, optionally of one status (the supervisor's view). */
    public List<CaseFile> inJurisdiction(String jurisdiction, CaseStatus status, int limit) {
        return jdbc.sql("SELECT * FROM case_file WHERE jurisdiction = ? AND (?::text IS NULL OR status = ?)"
                        + " ORDER BY accepted_at DESC LIMIT ?")
                .params(
                        jurisdiction,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        limit)
                .query((rs, i) -> caseFile(rs, List.of()))
                .list();
    }

    /** Moves a case on only from the status expected, so two racing transitions cannot both win. */
    public boolean transition(String caseNumber, CaseStatus from, CaseStatus to) {
        return jdbc.sql("UPDATE case_file SET status = ?, updated_at = now() WHERE case_number = ? AND status = ?")
                        .params(to.name(), caseNumber, from.name())
                        .update()
                == 1;
    }

    public void stepStarted(String caseNumber, String step, Instant at) {
        jdbc.sql("INSERT INTO case_step (case_number, step, status, started_at) VALUES (?, ?, 'IN_PROGRESS', ?)"
                        + " ON CONFLICT (case_number, step) DO NOTHING")
                .params(caseNumber, step, ts(at))
                .update();
    }

    /** True the first time only: a redelivered job must not complete a step twice. */
    public boolean stepCompleted(String caseNumber, String step, String reference, Instant at) {
        return jdbc.sql("UPDATE case_step SET status = 'DONE', completed_at = ?, reference = ?"
                                + " WHERE case_number = ? AND step = ? AND status <> 'DONE'")
                        .params(ts(at), reference, caseNumber, step)
                        .update()
                == 1;
    }

    /** The codes of the materials still owed under 容缺受理. */
    public List<String> owed(String caseNumber) {
        return jdbc.sql(
                        "SELECT e->>'code' FROM case_file, jsonb_array_elements(owed_materials) e WHERE case_number = ?")
                .param(caseNumber)
                .query(String.class)
                .list();
    }

    /** Crosses supplied materials off the owed list. */
    public void supplied(String caseNumber, List<String> codes) {
        jdbc.sql("UPDATE case_file SET updated_at = now(), owed_materials = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb)"
                        + " FROM jsonb_array_elements(owed_materials) e WHERE NOT (e->>'code' = ANY(?)))"
                        + " WHERE case_number = ?")
                .params(codes.toArray(String[]::new), caseNumber)
                .update();
    }

    public void issuedUscc(String caseNumber, String uscc) {
        jdbc.sql("UPDATE case_file SET issued_uscc = ?, updated_at = now() WHERE case_number = ?")
                .params(uscc, caseNumber)
                .update();
    }

    public boolean delivered(String caseNumber, Instant at) {
        return jdbc.sql("UPDATE case_file SET status = 'DELIVERED', delivered_at = ?, updated_at = now()"
                                + " WHERE case_number = ? AND status = 'APPROVED'")
                        .params(ts(at), caseNumber)
                        .update()
                == 1;
    }

    /** 一事一评: only a delivered, not yet rated case takes a rating. */
    public boolean rated(String caseNumber, int score, String comment, Instant at) {
        return jdbc.sql("UPDATE case_file SET rating = ?, rating_comment = ?, rated_at = ?, updated_at = now()"
                                + " WHERE case_number = ? AND status = 'DELIVERED' AND rating IS NULL")
                        .params(score, comment, ts(at), caseNumber)
                        .update()
                == 1;
    }

    private static CaseFile caseFile(ResultSet rs, List<CaseFile.Step> steps) throws SQLException {
        return new CaseFile(
                rs.getString("case_number"),
                rs.getString("jurisdiction"),
                rs.getString("matter_code"),
                rs.getString("catalogue_version"),
                Channel.valueOf(rs.getString("channel")),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("outcome"),
                rs.getString("applicant_type"),
                rs.getString("applicant_name"),
                rs.getString("applicant_uscc"),
                rs.getString("applicant_subject"),
                rs.getString("submitted_by"),
                instant(rs, "accepted_at"),
                instant(rs, "due_at"),
                instant(rs, "whole_process_due_at"),
                rs.getBoolean("calendar_known"),
                instant(rs, "supplement_due_at"),
                rs.getString("issued_uscc"),
                instant(rs, "delivered_at"),
                (Integer) rs.getObject("rating"),
                steps);
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
