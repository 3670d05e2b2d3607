package org.onewindow.kernel.caseno.infrastructure;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.onewindow.kernel.caseno.model.CaseNumberSequence;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One counter row per jurisdiction, service and day, bumped by an atomic upsert: concurrent
 * intakes serialise on the row only, and a rolled-back intake leaves a gap, never a duplicate. The
 * bump commits in its own short transaction so that the row lock is not held for a whole intake.
 *
 * <p>That transaction runs on a connection pool of its own ({@code counters}). An intake already
 * holds a connection of the application's pool when it asks for a number; were the number drawn
 * from the same pool, as many concurrent intakes as the pool has connections would each hold one
 * and wait for another until the pool's time-out (the fault harness saw the service stall for
 * 30 s at a time under load).
 *
 * <p>The bump commits without waiting for its WAL flush ({@code synchronous_commit off}): the row
 * lock is released at once instead of after a disk flush, so the intakes of one jurisdiction
 * queue on it for microseconds. Durability comes from the intake's own commit, which flushes the
 * WAL up to its record and so past the bump's: a number that a stored case carries is never lost.
 * A crash can lose only a bump whose case was not stored, and drawing that number again is no
 * duplicate.
 */
public final class JdbcCaseNumberSequence implements CaseNumberSequence, Closeable {
    private final DataSource counters;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcCaseNumberSequence(DataSource counters) {
        this.counters = counters;
        this.jdbc = JdbcClient.create(counters);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(counters));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long next(String jurisdiction, OwningService service, LocalDate day) {
        return ownTransaction.execute(status -> bump(jurisdiction, service, day));
    }

    private long bump(String jurisdiction, OwningService service, LocalDate day) {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        return jdbc.sql(
                        """
                        INSERT INTO case_number_counter (jurisdiction, service, day, last_value)
                        VALUES (:jurisdiction, :service, :day, 1)
                        ON CONFLICT (jurisdiction, service, day)
                        DO UPDATE SET last_value = case_number_counter.last_value + 1
                        RETURNING last_value""")
                .param("jurisdiction", jurisdiction)
                .param("service", service.code())
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** Closes the counters' pool with the application. */
    @Override
    public void close() throws IOException {
        if (counters instanceof Closeable pool) {
            pool.close();
        }
    }
}
