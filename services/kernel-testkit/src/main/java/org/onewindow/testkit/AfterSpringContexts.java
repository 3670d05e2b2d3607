package org.onewindow.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;

/**
 * Stops shared test infrastructure at JVM exit, but only after every Spring application context
 * of the JVM has closed. As plain JVM shutdown hooks the broker and the database went away while
 * the contexts were still closing (job executors, Kafka producers, connection pools), and the
 * forked test JVM hung for surefire's 30 s exit timeout.
 *
 * <p>Boot runs its shutdown handlers only where a Spring application ran: in a JVM of plain tests
 * (the process tests of workflow-models) they never run, and the database outlived the build. So a
 * JVM shutdown hook of our own runs the same stop: after Boot's hook has finished, if there is one,
 * at once if not. Whichever comes first stops; the other finds nothing left to do.
 */
final class AfterSpringContexts {

    /** The name Boot gives its shutdown hook thread. */
    private static final String SPRING_HOOK = "SpringApplicationShutdownHook";
    /** JVM hooks start together in no set order: how long Boot's may take to show up. */
    private static final Duration SPRING_HOOK_APPEARS = Duration.ofMillis(500);
    /** How long Boot may take to close the contexts; below surefire's 30 s before it kills the fork. */
    private static final Duration SPRING_HOOK_FINISHES = Duration.ofSeconds(20);

    private AfterSpringContexts() {}

    /** Runs {@code stop} once at JVM exit, after Boot's contexts have closed if there are any. */
    static void run(Runnable stop) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                stop.run();
            }
        };
        // Boot's shutdown handlers run after its contexts are closed, in the one JVM hook it registers
        SpringApplication.getShutdownHandlers().add(once);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            awaitSpringHook();
                            once.run();
                        },
                        "onewindow-testkit-shutdown"));
    }

    private static void awaitSpringHook() {
        long deadline = System.nanoTime() + SPRING_HOOK_APPEARS.toNanos();
        try {
            while (true) {
                Optional<Thread> spring = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> SPRING_HOOK.equals(t.getName()))
                        .findFirst();
                if (spring.isPresent()) {
                    spring.get().join(SPRING_HOOK_FINISHES.toMillis());
                    return;
                }
                if (System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
