package org.onewindow.kernel.caseno.infrastructure;

import java.time.LocalDate;
import org.onewindow.kernel.caseno.model.CaseNumberSequence;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One counter row per jurisdiction, service and day, bumped by an atomic upsert: concurrent
 * intakes serialise on the row only, and a rolled-back intake leaves a gap, never a duplicate. The
 * bump commits in its own short transaction so that the row lock is not held for a whole intake.
 */
public final class JdbcCaseNumberSequence implements CaseNumberSequence {
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcCaseNumberSequence(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long next(String jurisdiction, OwningService service, LocalDate day) {
        return ownTransaction.execute(status -> bump(jurisdiction, service, day));
    }

    private long bump(String jurisdiction, OwningService service, LocalDate day) {
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
}
