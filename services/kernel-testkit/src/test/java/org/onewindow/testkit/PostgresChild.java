package org.onewindow.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test JVM without Spring, like workflow-models' process tests: starts the shared server, says
 * which process it is and where it lives, then exits by itself ({@code exit}) or waits to be
 * killed ({@code hang}).
 */
public final class PostgresChild {

    private PostgresChild() {}

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresServer.get();
        Path pidFile = server.folder().resolve("data").resolve("postmaster.pid");
        System.out.println("postmaster=" + Files.readAllLines(pidFile).get(0).trim());
        System.out.println("folder=" + server.folder());
        System.out.flush();
        if ("hang".equals(args[0])) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
