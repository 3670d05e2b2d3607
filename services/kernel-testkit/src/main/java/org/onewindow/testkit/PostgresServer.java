package org.onewindow.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests of this JVM, started once from the PostgreSQL binaries
 * that zonky publishes on Maven Central (no Docker, no system install).
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then the server runs as the
 * unprivileged user {@code nobody} through {@code setpriv}. zonky's own launcher cannot do that,
 * which is why this class starts the binaries itself.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";
    private static PostgresServer instance;

    private final Path base;
    private final int port;

    private PostgresServer(Path base, int port) {
        this.base = base;
        this.port = port;
    }

    /**
     * The running server, started on first use; stopped, and its folder deleted, when the JVM exits.
     * Clusters left by JVMs that were killed outright are cleared first.
     */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    /** The cluster's temp folder (data, socket, log, owner mark). */
    Path folder() {
        return base;
    }

    private static PostgresServer start() {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home;
        Path base;
        try {
            home = extractBinaries();
            ClusterFolders.sweep(Path.of(tmp()), home, root);
            base = ClusterFolders.create(Path.of(tmp()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare PostgreSQL for tests", e);
        }
        try {
            int port = initAndStart(home, base, root);
            PostgresServer server = new PostgresServer(base, port);
            AfterSpringContexts.run(() -> ClusterFolders.remove(base, home, root));
            return server;
        } catch (IOException | RuntimeException e) {
            ClusterFolders.remove(base, home, root);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start PostgreSQL for tests", io);
            }
            throw (RuntimeException) e;
        }
    }

    private static int initAndStart(Path home, Path base, boolean root) throws IOException {
        Path data = base.resolve("data");
        Path socket = base.resolve("socket");
        Files.createDirectories(data);
        Files.createDirectories(socket);
        if (root) {
            run(List.of("chown", "-R", "nobody", base.toString()), false);
            run(List.of("chmod", "755", base.toString()), false);
        }
        int port = freePort();
        run(
                List.of(
                        bin(home, "initdb"),
                        "-A",
                        "trust",
                        "-U",
                        SUPERUSER,
                        "-D",
                        data.toString(),
                        "-E",
                        "UTF-8",
                        "--locale=C",
                        "--no-sync"),
                root);
        run(
                List.of(
                        bin(home, "pg_ctl"),
                        "-D",
                        data.toString(),
                        "-l",
                        base.resolve("postgres.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        "-p " + port + " -h 127.0.0.1 -k " + socket + " -c fsync=off -c synchronous_commit=off"
                                + " -c full_page_writes=off -c max_connections=300",
                        "start"),
                root);
        return port;
    }

    /** Unpacks zonky's binaries once per machine into the temp directory, readable by everyone. */
    private static Path extractBinaries() throws IOException {
        Path target = Path.of(tmp(), "onewindow-pg-binaries");
        Path marker = target.resolve(".complete");
        if (Files.exists(marker)) {
            return target;
        }
        Files.createDirectories(target);
        try (InputStream raw = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            List<TarArchiveEntry> links = new ArrayList<>();
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    links.add(entry);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(
                            out,
                            PosixFilePermissions.fromString((entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            for (TarArchiveEntry link : links) {
                Path out = target.resolve(link.getName());
                Files.deleteIfExists(out);
                Files.createSymbolicLink(out, Path.of(link.getLinkName()));
            }
        }
        try (var dirs = Files.walk(target)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(marker);
        return target;
    }

    /** Runs a command to its end (120 s at most); as {@code nobody} where PostgreSQL needs it. */
    static void run(List<String> command, boolean asNobody) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + full + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private static String bin(Path home, String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    private static String tmp() {
        return System.getProperty("java.io.tmpdir");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
