package org.onewindow.runtime.clock.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.runtime.clock.model.ClockStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case clocks on PostgreSQL: one row per clock, its state as JSON. */
public class JdbcClockStore implements ClockStore {

    private static final String COLUMNS =
            "c.case_number, f.jurisdiction, c.clock, c.state::text, c.level FROM case_clock c"
                    + " JOIN case_file f ON f.case_number = c.case_number";

    /** 'Calendar unknown' cases with a running clock on an older calendar edition (or none recorded). */
    private static final String BEHIND_CALENDAR = "FROM case_file f WHERE NOT f.calendar_known"
            + " AND EXISTS (SELECT 1 FROM case_clock c WHERE c.case_number = f.case_number AND c.running"
            + " AND coalesce((c.state ->> 'calendarThrough')::int, -1) < ?)";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public JdbcClockStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(String caseNumber, CaseClock clock, Instant checkAt) {
        jdbc.sql("INSERT INTO case_clock (case_number, clock, state, running, check_at)"
                        + " VALUES (?, ?, ?::jsonb, ?, ?)")
                .params(
                        caseNumber,
                        ClockStore.nameOf(clock),
                        write(clock),
                        clock.stoppedAt() == null,
                        timestamp(checkAt))
                .update();
    }

    @Override
    public void update(String caseNumber, CaseClock clock, Instant checkAt) {
        jdbc.sql("UPDATE case_clock SET state = ?::jsonb, running = ?, check_at = ?, updated_at = now()"
                        + " WHERE case_number = ? AND clock = ?")
                .params(
                        write(clock),
                        clock.stoppedAt() == null,
                        timestamp(checkAt),
                        caseNumber,
                        ClockStore.nameOf(clock))
                .update();
    }

    @Override
    public void checked(String caseNumber, String name, SlaLevel reported, Instant checkAt) {
        jdbc.sql("UPDATE case_clock SET level = ?, check_at = ?, updated_at = now()"
                        + " WHERE case_number = ? AND clock = ?")
                .params(reported.name(), timestamp(checkAt), caseNumber, name)
                .update();
    }

    @Override
    public List<Stored> ofCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE c.case_number = ? ORDER BY c.clock FOR UPDATE OF c")
                .param(caseNumber)
                .query(this::stored)
                .list();
    }

    @Override
    public List<Stored> approvalClocks(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " WHERE c.case_number = ANY(?) AND c.clock = 'APPROVAL'")
                .param(caseNumbers.toArray(String[]::new))
                .query(this::stored)
                .list();
    }

    @Override
    public List<Stored> dueForCheck(Instant until, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE c.running AND c.check_at <= ?"
                        + " ORDER BY c.check_at LIMIT ? FOR UPDATE OF c SKIP LOCKED")
                .params(timestamp(until), size)
                .query(this::stored)
                .list();
    }

    @Override
    public List<String> behindCalendar(int calendarThrough, int size) {
        return jdbc.sql("SELECT f.case_number " + BEHIND_CALENDAR + " ORDER BY f.case_number LIMIT ?")
                .params(calendarThrough, size)
                .query(String.class)
                .list();
    }

    @Override
    public int countBehindCalendar(int calendarThrough) {
        return jdbc.sql("SELECT count(*) " + BEHIND_CALENDAR)
                .param(calendarThrough)
                .query(Integer.class)
                .single();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                read(rs.getString(4)),
                SlaLevel.valueOf(rs.getString(5)));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private String write(CaseClock clock) {
        try {
            return json.writeValueAsString(clock);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseClock read(String state) {
        try {
            return json.readValue(state, CaseClock.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable clock: " + state, e);
        }
    }
}
