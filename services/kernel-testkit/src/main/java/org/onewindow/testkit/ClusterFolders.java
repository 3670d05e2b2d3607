package org.onewindow.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The temp folders of the tests' PostgreSQL clusters ({@code onewindow-pg-*}), each marked with the
 * JVM that owns it (pid and start time, in {@code owner}). A JVM stops its cluster and deletes the
 * folder when it exits; a JVM killed outright cannot, so every start first clears the clusters whose
 * owner is gone. Folders without a readable owner (being created, or left by an older testkit) are
 * never touched: they may belong to a JVM that is still running.
 */
final class ClusterFolders {

    static final String PREFIX = "onewindow-pg-";
    private static final String OWNER = "owner";

    private ClusterFolders() {}

    /** A new folder for this JVM's cluster, marked as this JVM's before anything is put in it. */
    static Path create(Path tmp) throws IOException {
        Path base = Files.createTempDirectory(tmp, PREFIX);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(base.resolve(OWNER), self.pid() + " " + startOf(self).orElse(-1L) + "\n");
        return base;
    }

    /** Stops and deletes every cluster under {@code tmp} whose owning JVM no longer runs. */
    static void sweep(Path tmp, Path binaries, boolean root) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder) && ownerGone(folder)) {
                    remove(folder, binaries, root);
                }
            }
        } catch (IOException e) {
            // nothing to sweep, or a folder that vanished under us: the next start tries again
        }
    }

    /** Stops the folder's cluster if it runs (immediate shutdown) and deletes the folder. */
    static void remove(Path base, Path binaries, boolean root) {
        Path data = base.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                PostgresServer.run(
                        List.of(
                                binaries.resolve("bin").resolve("pg_ctl").toString(),
                                "-D",
                                data.toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "stop"),
                        root);
            } catch (IOException | RuntimeException e) {
                kill(data);
            }
        }
        delete(base);
    }

    private static boolean ownerGone(Path folder) {
        String[] owner;
        try {
            owner = Files.readString(folder.resolve(OWNER)).trim().split(" ");
        } catch (IOException e) {
            return false;
        }
        if (owner.length != 2) {
            return false;
        }
        long pid;
        long started;
        try {
            pid = Long.parseLong(owner[0]);
            started = Long.parseLong(owner[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        // the same pid, started at another time, is another process: the owner is gone
        Optional<Long> start = startOf(process.get());
        return started != -1 && start.isPresent() && start.get() != started;
    }

    /** The postmaster pg_ctl could not stop (binaries gone, say): killed, if it is this folder's. */
    private static void kill(Path data) {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                    .ifPresent(postmaster -> {
                        postmaster.destroyForcibly();
                        postmaster
                                .onExit()
                                .orTimeout(10, TimeUnit.SECONDS)
                                .exceptionally(e -> null)
                                .join();
                    });
        } catch (IOException | RuntimeException e) {
            // no pid file, or no such process: nothing runs there
        }
    }

    /** Deletes the folder, its owner mark last: what cannot be deleted now stays sweepable. */
    private static void delete(Path base) {
        Path owner = base.resolve(OWNER);
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(base) && !path.equals(owner)) {
                    Files.deleteIfExists(path);
                }
            }
            Files.deleteIfExists(owner);
            Files.deleteIfExists(base);
        } catch (IOException e) {
            // a file still held open: the next sweep deletes what is left
        }
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
