package org.onewindow.propertyregistration.register.infrastructure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onewindow.propertyregistration.register.model.CompletedProject;
import org.onewindow.propertyregistration.register.model.Owner;
import org.onewindow.propertyregistration.register.model.PropertyRegister;
import org.onewindow.propertyregistration.register.model.PropertyUnit;
import org.onewindow.propertyregistration.register.model.RegistrationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register on PostgreSQL. */
@Repository
class JdbcPropertyRegister implements PropertyRegister {

    private static final String PROJECT =
            """
            SELECT p.*, (SELECT count(*) FROM property_unit u WHERE u.project_code = p.project_code) AS units
            FROM completed_project p WHERE p.project_code = ?""";

    private final JdbcClient jdbc;

    JdbcPropertyRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PropertyUnit> lockUnit(String unitNumber) {
        return jdbc.sql("SELECT * FROM property_unit WHERE unit_number = ? FOR UPDATE")
                .param(unitNumber)
                .query((rs, i) -> unit(rs))
                .optional();
    }

    @Override
    public Optional<PropertyUnit> unit(String unitNumber) {
        return jdbc.sql("SELECT * FROM property_unit WHERE unit_number = ?")
                .param(unitNumber)
                .query((rs, i) -> unit(rs))
                .optional();
    }

    @Override
    public Optional<CompletedProject> lockProject(String projectCode) {
        // the row locked and read in one query (the unit count is a sub-select, so FOR UPDATE applies)
        return jdbc.sql(PROJECT + " FOR UPDATE OF p")
                .param(projectCode)
                .query((rs, i) -> project(rs))
                .optional();
    }

    @Override
    public Optional<CompletedProject> project(String projectCode) {
        return jdbc.sql(PROJECT)
                .param(projectCode)
                .query((rs, i) -> project(rs))
                .optional();
    }

    @Override
    public List<PropertyUnit> unitsOf(String projectCode) {
        return jdbc.sql("SELECT * FROM property_unit WHERE project_code = ? ORDER BY unit_number")
                .param(projectCode)
                .query((rs, i) -> unit(rs))
                .list();
    }

    @Override
    public int unitsReady(String projectCode) {
        return jdbc.sql("SELECT count(*) FROM property_unit WHERE project_code = ? AND status = 'READY'")
                .param(projectCode)
                .query(Integer.class)
                .single();
    }

    @Override
    public boolean recordCompleted(CompletedProject p, List<PropertyUnit> units) {
        int inserted = jdbc.sql(
                        """
                INSERT INTO completed_project (project_code, jurisdiction, project_name, land_parcel, developer_uscc,
                    accepted_on, acceptance_case, acceptance_matter, event_id, announced_at, units_ready_at)
                VALUES (:code, :jurisdiction, :name, :parcel, :developer, :acceptedOn, :case, :matter, :event, :announced, :ready)
                ON CONFLICT (project_code) DO NOTHING""")
                .param("code", p.projectCode())
                .param("jurisdiction", p.jurisdiction())
                .param("name", p.projectName())
                .param("parcel", p.landParcel())
                .param("developer", p.developerUscc())
                .param("acceptedOn", Date.valueOf(p.acceptedOn()))
                .param("case", p.acceptanceCase())
                .param("matter", p.acceptanceMatter())
                .param("event", p.eventId())
                .param("announced", Timestamp.from(p.announcedAt()))
                .param("ready", Timestamp.from(p.unitsReadyAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (PropertyUnit u : units) {
            jdbc.sql(
                            """
                    INSERT INTO property_unit (unit_number, jurisdiction, project_code, building, address, status)
                    VALUES (?, ?, ?, ?, ?, 'READY')""")
                    .params(u.unitNumber(), u.jurisdiction(), u.projectCode(), u.building(), u.address())
                    .update();
        }
        return true;
    }

    @Override
    public void recordCase(String caseNumber, RegistrationKind kind, String unitNumber, String projectCode) {
        jdbc.sql("INSERT INTO registration_case (case_number, kind, unit_number, project_code) VALUES (?, ?, ?, ?)")
                .params(caseNumber, kind.name(), unitNumber, projectCode)
                .update();
    }

    @Override
    public Optional<RegistrationCase> registrationCase(String caseNumber) {
        return jdbc.sql("SELECT * FROM registration_case WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> new RegistrationCase(
                        rs.getString("case_number"),
                        RegistrationKind.valueOf(rs.getString("kind")),
                        rs.getString("unit_number"),
                        rs.getString("project_code")))
                .optional();
    }

    @Override
    public List<String> casesAwaiting(String projectCode) {
        return jdbc.sql("SELECT case_number FROM registration_case WHERE project_code = ? AND entered_at IS NULL"
                        + " AND kind = 'FIRST' ORDER BY case_number")
                .param(projectCode)
                .query(String.class)
                .list();
    }

    @Override
    public boolean markEntered(String caseNumber, Instant at) {
        return jdbc.sql("UPDATE registration_case SET entered_at = ? WHERE case_number = ? AND entered_at IS NULL")
                        .params(Timestamp.from(at), caseNumber)
                        .update()
                == 1;
    }

    @Override
    public int registerFirst(String projectCode, Owner owner, LocalDate on, String caseNumber) {
        return jdbc.sql(
                        """
                UPDATE property_unit SET status = 'REGISTERED', owner_type = ?, owner_name = ?, owner_uscc = ?,
                    owner_id_number = ?, registered_on = ?, last_case = ?
                WHERE project_code = ? AND status = 'READY'""")
                .params(
                        owner.type(),
                        owner.name(),
                        owner.uscc(),
                        owner.idNumber(),
                        Date.valueOf(on),
                        caseNumber,
                        projectCode)
                .update();
    }

    @Override
    public void transfer(String unitNumber, Owner newOwner, LocalDate on, String caseNumber) {
        jdbc.sql(
                        """
                UPDATE property_unit SET owner_type = ?, owner_name = ?, owner_uscc = ?, owner_id_number = ?,
                    registered_on = ?, last_case = ?
                WHERE unit_number = ?""")
                .params(
                        newOwner.type(),
                        newOwner.name(),
                        newOwner.uscc(),
                        newOwner.idNumber(),
                        Date.valueOf(on),
                        caseNumber,
                        unitNumber)
                .update();
    }

    @Override
    public void changeRestrictions(String unitNumber, int seizures, int mortgages, String caseNumber) {
        jdbc.sql("UPDATE property_unit SET seizures = ?, mortgages = ?, last_case = ? WHERE unit_number = ?")
                .params(seizures, mortgages, caseNumber, unitNumber)
                .update();
    }

    @Override
    public void cancel(String unitNumber, String caseNumber) {
        jdbc.sql("UPDATE property_unit SET status = 'CANCELLED', last_case = ? WHERE unit_number = ?")
                .params(caseNumber, unitNumber)
                .update();
    }

    private static PropertyUnit unit(ResultSet rs) throws SQLException {
        Date registered = rs.getDate("registered_on");
        String ownerName = rs.getString("owner_name");
        return new PropertyUnit(
                rs.getString("unit_number"),
                rs.getString("jurisdiction"),
                rs.getString("project_code"),
                rs.getString("building"),
                rs.getString("address"),
                PropertyUnit.Status.valueOf(rs.getString("status")),
                ownerName == null
                        ? null
                        : new Owner(
                                rs.getString("owner_type"),
                                ownerName,
                                rs.getString("owner_uscc"),
                                rs.getString("owner_id_number")),
                registered == null ? null : registered.toLocalDate(),
                rs.getInt("seizures"),
                rs.getInt("mortgages"));
    }

    private static CompletedProject project(ResultSet rs) throws SQLException {
        return new CompletedProject(
                rs.getString("project_code"),
                rs.getString("jurisdiction"),
                rs.getString("project_name"),
                rs.getString("land_parcel"),
                rs.getString("developer_uscc"),
                rs.getDate("accepted_on").toLocalDate(),
                rs.getString("acceptance_case"),
                rs.getString("acceptance_matter"),
                rs.getString("event_id"),
                rs.getTimestamp("announced_at").toInstant(),
                rs.getTimestamp("units_ready_at").toInstant(),
                rs.getInt("units"));
    }
}
