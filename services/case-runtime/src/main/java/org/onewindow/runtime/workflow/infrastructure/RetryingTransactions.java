package org.onewindow.runtime.workflow.infrastructure;

import java.util.function.Supplier;
import org.onewindow.runtime.workflow.model.Retries;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link UnitOfWork} on Spring's transactions: the whole transaction is retried, never half of it. */
public class RetryingTransactions implements UnitOfWork {

    private final TransactionTemplate transaction;

    public RetryingTransactions(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    @Override
    public <T> T run(Supplier<T> change) {
        return Retries.onConcurrentChange(() -> transaction.execute(status -> change.get()));
    }
}
