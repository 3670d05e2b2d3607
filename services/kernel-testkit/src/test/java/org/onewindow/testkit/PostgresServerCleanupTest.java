package org.onewindow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tests stop the PostgreSQL they start and leave no folder behind, also where no Spring context
 * ran (Boot's shutdown handlers never run there) and where the JVM was killed outright (then the
 * next start clears what it left). Each case runs in a JVM of its own, as surefire's forks do.
 */
class PostgresServerCleanupTest {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @Test
    void aJvmThatEndsStopsItsServerAndDeletesItsFolder() throws Exception {
        Child child = Child.start("exit");
        try {
            assertThat(child.process.waitFor(60, TimeUnit.SECONDS))
                    .as("the child JVM ends")
                    .isTrue();

            assertThat(goesAway(child.postmaster))
                    .as("postmaster %d of %s", child.postmaster, child.folder)
                    .isTrue();
            assertThat(child.folder).doesNotExist();
        } finally {
            child.clear();
        }
    }

    @Test
    void aServerLeftByAKilledJvmIsClearedByTheNextStart() throws Exception {
        Child child = Child.start("hang");
        try {
            child.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(isPostgres(child.postmaster))
                    .as("orphaned, as a killed fork leaves it")
                    .isTrue();
            assertThat(child.folder).exists();

            Path tmp = child.folder.getParent();
            ClusterFolders.sweep(tmp, tmp.resolve("onewindow-pg-binaries"), ROOT);

            assertThat(goesAway(child.postmaster))
                    .as("postmaster %d of %s", child.postmaster, child.folder)
                    .isTrue();
            assertThat(child.folder).doesNotExist();
        } finally {
            child.clear();
        }
    }

    @Test
    void aFolderOfALiveJvmOrWithoutAnOwnerIsLeftAlone() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path mine = ClusterFolders.create(tmp);
        Path unknown = Files.createTempDirectory(tmp, ClusterFolders.PREFIX);
        try {
            ClusterFolders.sweep(tmp, tmp.resolve("onewindow-pg-binaries"), ROOT);

            assertThat(mine).as("owned by this JVM, which runs").exists();
            assertThat(unknown)
                    .as("no owner: maybe a JVM of an older testkit, still running")
                    .exists();
        } finally {
            ClusterFolders.remove(mine, tmp.resolve("onewindow-pg-binaries"), ROOT);
            Files.deleteIfExists(unknown);
        }
    }

    /** A JVM of its own with the server started, as surefire's forks are. */
    private record Child(Process process, long postmaster, Path folder) {

        static Child start(String mode) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(List.of(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            PostgresChild.class.getName(),
                            mode))
                    .redirectErrorStream(true)
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            long postmaster = -1;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("postmaster=")) {
                    postmaster = Long.parseLong(line.substring("postmaster=".length()));
                } else if (line.startsWith("folder=")) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // the child's log, unread
                            }
                        } catch (IOException e) {
                            // the child is gone
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Child(process, postmaster, Path.of(line.substring("folder=".length())));
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError("the child JVM started no server:\n" + seen);
        }

        /** Whatever a failed test left: the child killed, its cluster stopped and deleted. */
        void clear() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            if (Files.exists(folder)) {
                ClusterFolders.remove(folder, folder.getParent().resolve("onewindow-pg-binaries"), ROOT);
            }
        }
    }

    /** Alive and a postgres: a pid alone is never trusted. */
    private static boolean isPostgres(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse("").endsWith("postgres"))
                .orElse(false);
    }

    /** Gone within 10 s (an immediate shutdown takes well under one). */
    private static boolean goesAway(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!isPostgres(pid)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
