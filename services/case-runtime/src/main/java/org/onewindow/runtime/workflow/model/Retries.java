package org.onewindow.runtime.workflow.model;

import java.util.function.Supplier;
import org.onewindow.kernel.problem.model.Rejection;

/** Runs a whole transaction again when the engine reports a concurrent change of the case. */
public final class Retries {

    private static final int ATTEMPTS = 3;

    private Retries() {}

    public static <T> T onConcurrentChange(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrentCaseChange e) {
                if (attempt == ATTEMPTS) {
                    throw Rejection.conflict(
                            "case.busy", "办件正在处理中，请稍后重试", "the case is being changed right now; try again");
                }
            }
        }
    }

    public static void onConcurrentChange(Runnable transaction) {
        onConcurrentChange(() -> {
            transaction.run();
            return null;
        });
    }
}
