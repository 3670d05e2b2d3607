package org.onewindow.constructionpermit.project.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onewindow.constructionpermit.project.model.ConstructionSection;
import org.onewindow.constructionpermit.project.model.Project;
import org.onewindow.constructionpermit.project.model.ProjectCase;
import org.onewindow.constructionpermit.project.model.ProjectCategory;
import org.onewindow.constructionpermit.project.model.ProjectStage;
import org.onewindow.constructionpermit.project.model.Projects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects and their cases on PostgreSQL; a case's status is read from the runtime's case table. */
@Repository
class JdbcProjects implements Projects {

    private final JdbcClient jdbc;

    JdbcProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Project> find(String code) {
        return jdbc.sql("SELECT * FROM project WHERE project_code = ?")
                .param(code)
                .query((rs, i) -> project(rs, cases(code)))
                .optional();
    }

    @Override
    public Optional<Project> ofCase(String caseNumber) {
        return jdbc.sql("SELECT project_code FROM project_case WHERE case_number = ?")
                .param(caseNumber)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    @Override
    public boolean register(Project p) {
        return jdbc.sql(
                                """
                INSERT INTO project (project_code, jurisdiction, name, category, floor_area_m2, investment_cny10k,
                    land_parcel, developer_uscc, developer_subject, stage, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_code) DO NOTHING""")
                        .params(
                                p.code(),
                                p.jurisdiction(),
                                p.name(),
                                p.category().id(),
                                p.floorAreaM2(),
                                p.investmentCny10k(),
                                p.landParcel(),
                                p.developerUscc(),
                                p.developerSubject(),
                                p.stage().id(),
                                Timestamp.from(p.registeredAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Project> lockAndFind(String code) {
        return jdbc.sql("SELECT * FROM project WHERE project_code = ? FOR UPDATE")
                .param(code)
                .query((rs, i) -> project(rs, cases(code)))
                .optional();
    }

    @Override
    public void attach(
            String code, String caseNumber, String matterCode, ProjectStage stage, ConstructionSection section) {
        jdbc.sql("INSERT INTO project_case (case_number, project_code, matter_code, stage, section)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        caseNumber,
                        code,
                        matterCode,
                        stage == null ? null : stage.id(),
                        section == null ? null : section.id())
                .update();
    }

    @Override
    public void advance(String code, ProjectStage stage) {
        jdbc.sql("UPDATE project SET stage = ? WHERE project_code = ?")
                .params(stage.id(), code)
                .update();
    }

    @Override
    public List<Project> list(String jurisdiction, String developerUscc, String developerSubject, int limit) {
        return jdbc
                .sql("SELECT project_code FROM project WHERE (?::text IS NULL OR jurisdiction = ?)"
                        + " AND (?::text IS NULL OR developer_subject = ? OR developer_uscc = ?)"
                        + " ORDER BY registered_at DESC LIMIT ?")
                .params(jurisdiction, jurisdiction, developerSubject, developerSubject, developerUscc, limit)
                .query(String.class)
                .list()
                .stream()
                .flatMap(code -> find(code).stream())
                .toList();
    }

    private List<ProjectCase> cases(String code) {
        return jdbc.sql(
                        """
                SELECT pc.case_number, pc.matter_code, pc.stage, f.status, f.accepted_at, f.due_at, pc.section
                FROM project_case pc JOIN case_file f ON f.case_number = pc.case_number
                WHERE pc.project_code = ? ORDER BY f.accepted_at, pc.case_number""")
                .param(code)
                .query((rs, i) -> new ProjectCase(
                        rs.getString(1),
                        rs.getString(2),
                        ProjectStage.of(rs.getString(3)).orElse(null),
                        rs.getString(4),
                        instant(rs, 5),
                        instant(rs, 6),
                        ConstructionSection.of(rs.getString(7)).orElse(null)))
                .list();
    }

    private static Project project(ResultSet rs, List<ProjectCase> cases) throws SQLException {
        return new Project(
                rs.getString("project_code"),
                rs.getString("jurisdiction"),
                rs.getString("name"),
                ProjectCategory.of(rs.getString("category")).orElseThrow(),
                rs.getBigDecimal("floor_area_m2"),
                rs.getBigDecimal("investment_cny10k"),
                rs.getString("land_parcel"),
                rs.getString("developer_uscc"),
                rs.getString("developer_subject"),
                ProjectStage.of(rs.getString("stage")).orElseThrow(),
                rs.getTimestamp("registered_at").toInstant(),
                cases);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
