package org.onewindow.runtime.workflow.model;

import java.util.function.Supplier;

/**
 * Port: runs a change of a case as one transaction, tried again from the start when the engine
 * reports a concurrent change (a job ran while a person acted).
 */
public interface UnitOfWork {

    <T> T run(Supplier<T> change);

    default void run(Runnable change) {
        run(() -> {
            change.run();
            return null;
        });
    }
}
