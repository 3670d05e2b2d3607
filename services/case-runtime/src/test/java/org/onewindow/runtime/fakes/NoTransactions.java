package org.onewindow.runtime.fakes;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A transaction manager that does nothing, so code that runs its batches through a {@code
 * TransactionTemplate} (the SLA schedule) runs as it is against the in-memory fakes.
 */
public final class NoTransactions implements PlatformTransactionManager {

    private int begun;

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        begun++;
        return new SimpleTransactionStatus(true);
    }

    @Override
    public void commit(TransactionStatus status) {}

    @Override
    public void rollback(TransactionStatus status) {}

    /** How many transactions were begun. */
    public int begun() {
        return begun;
    }
}
