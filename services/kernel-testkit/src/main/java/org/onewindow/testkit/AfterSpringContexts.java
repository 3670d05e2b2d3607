package org.onewindow.testkit;

import org.springframework.boot.SpringApplication;

/**
 * Stops shared test infrastructure at JVM exit, but only after every Spring application context
 * of the JVM has closed. As plain JVM shutdown hooks the broker and the database went away while
 * the contexts were still closing (job executors, Kafka producers, connection pools), and the
 * forked test JVM hung for surefire's 30 s exit timeout.
 */
final class AfterSpringContexts {
    private AfterSpringContexts() {}

    /** Boot's shutdown handlers run after its contexts are closed, in the one JVM shutdown hook it registers. */
    static void run(Runnable stop) {
        SpringApplication.getShutdownHandlers().add(stop);
    }
}
