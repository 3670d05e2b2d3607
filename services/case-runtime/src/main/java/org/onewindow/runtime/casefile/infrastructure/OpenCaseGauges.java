package org.onewindow.runtime.casefile.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * 在办件: the open cases of this service by matter, jurisdiction, status and how long they have
 * left (overdue, due within a day, within three days, later, no limit), refreshed by one grouped
 * query rather than counted per request, so a scrape costs nothing and the figures are at most
 * one refresh old.
 *
 * <p>The query reads every open case, so its cost grows with the open caseload: on the benchmark
 * database (480,000 open cases) one refresh took 0.3-0.7 s on a parallel plan of three processes,
 * a tenth of PostgreSQL's statement time at 70 intakes/s (docs/performance.md, run 13). Hence a
 * refresh every five minutes by default (the limits it reports are working days and hours; the
 * first one half a minute after start, so a restarted service is not blank for long), and on one
 * process, so that it never takes both cores of a small machine from the intake.
 */
public class OpenCaseGauges {

    private final JdbcClient jdbc;
    private final TransactionOperations readOnly;
    private final Clock clock;
    private final MultiGauge open;

    public OpenCaseGauges(JdbcClient jdbc, TransactionOperations readOnly, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.readOnly = readOnly;
        this.clock = clock;
        this.open = MultiGauge.builder("onewindow.cases.open")
                .description("Open cases (受理 to 出件) by matter, jurisdiction, status and time left to their due date")
                .register(registry);
    }

    @Scheduled(
            fixedDelayString = "${onewindow.metrics.open-cases-every:5m}",
            initialDelayString = "${onewindow.metrics.open-cases-first:30s}")
    public void refresh() {
        List<MultiGauge.Row<?>> rows = readOnly.execute(status -> {
            jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
            return count(clock.instant());
        });
        open.register(rows, true);
    }

    private List<MultiGauge.Row<?>> count(Instant now) {
        return jdbc.sql(
                        """
                        SELECT matter_code, jurisdiction, status,
                               CASE WHEN due_at IS NULL THEN 'none'
                                    WHEN due_at < ? THEN 'overdue'
                                    WHEN due_at < ? THEN 'within-1d'
                                    WHEN due_at < ? THEN 'within-3d'
                                    ELSE 'later' END AS due_in,
                               count(*)
                          FROM case_file
                         WHERE status IN ('IN_PROGRESS', 'APPROVED')
                         GROUP BY 1, 2, 3, 4""")
                .params(at(now), at(now.plus(Duration.ofDays(1))), at(now.plus(Duration.ofDays(3))))
                .query(this::row)
                .list();
    }

    private MultiGauge.Row<?> row(ResultSet rs, int n) throws SQLException {
        return MultiGauge.Row.of(
                Tags.of(
                        "matter", rs.getString(1),
                        "jurisdiction", rs.getString(2),
                        "status", rs.getString(3),
                        "due_in", rs.getString(4)),
                rs.getLong(5));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
