package org.onewindow.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the shared test server, set up as production sets one up: an owner role that
 * runs the migrations and an application role that the service connects as.
 */
public record TestDatabase(String name, String url, String owner, String app) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static TestDatabase create(String prefix) {
        PostgresServer server = PostgresServer.get();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String owner = name + "_owner";
        String app = name + "_app";
        try (Connection c = server.superuser("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + owner + "'");
            s.execute("CREATE ROLE " + app + " LOGIN PASSWORD '" + app + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        try (Connection c = server.superuser(name);
                Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + name, e);
        }
        return new TestDatabase(name, server.jdbcUrl(name), owner, app);
    }
}
