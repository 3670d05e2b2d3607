package org.onewindow.enterpriseopening.clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clocks of the cases, each stored whole (the kernel's immutable {@link CaseClock}). */
@Repository
public class CaseClocks {

    /** A stored clock with the SLA level last reported for it. */
    public record Stored(String caseNumber, String name, CaseClock clock, SlaLevel reported) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseClocks(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** APPROVAL, WHOLE_PROCESS, or STEP:&lt;step&gt;. */
    public static String nameOf(CaseClock clock) {
        return clock.kind() == ClockKind.STEP
                ? "STEP:" + clock.step()
                : clock.kind().name();
    }

    public void insert(String caseNumber, CaseClock clock) {
        jdbc.sql("INSERT INTO case_clock (case_number, clock, state) VALUES (?, ?, ?::jsonb)")
                .params(caseNumber, nameOf(clock), write(clock))
                .update();
    }

    public void update(String caseNumber, CaseClock clock) {
        jdbc.sql("UPDATE case_clock SET state = ?::jsonb, running = ?, updated_at = now()"
                        + " WHERE case_number = ? AND clock = ?")
                .params(write(clock), clock.stoppedAt() == null, caseNumber, nameOf(clock))
                .update();
    }

    public void reported(String caseNumber, String name, SlaLevel level) {
        jdbc.sql("UPDATE case_clock SET level = ?, updated_at = now() WHERE case_number = ? AND clock = ?")
                .params(level.name(), caseNumber, name)
                .update();
    }

    /** The clocks of a case, locked for this transaction. */
    public List<Stored> ofCase(String caseNumber) {
        return jdbc.sql("SELECT case_number, clock, state::text, level FROM case_clock WHERE case_number = ?"
                        + " ORDER BY clock FOR UPDATE")
                .param(caseNumber)
                .query((rs, i) -> new Stored(
                        rs.getString(1), rs.getString(2), read(rs.getString(3)), SlaLevel.valueOf(rs.getString(4))))
                .list();
    }

    /**
     * A batch of running clocks for the SLA scan, locked; clocks another instance is scanning are
     * skipped, so several service instances can scan side by side.
     */
    public List<Stored> runningBatch(int size) {
        return jdbc.sql("SELECT case_number, clock, state::text, level FROM case_clock WHERE running"
                        + " ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(size)
                .query((rs, i) -> new Stored(
                        rs.getString(1), rs.getString(2), read(rs.getString(3)), SlaLevel.valueOf(rs.getString(4))))
                .list();
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
