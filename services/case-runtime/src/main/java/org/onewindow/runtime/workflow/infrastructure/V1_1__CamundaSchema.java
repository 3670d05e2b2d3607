package org.onewindow.runtime.workflow.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Camunda's own tables, created by the database owner through Flyway from the create scripts in
 * the engine jar of exactly the version on the classpath. The engine connects as the application
 * role, which has no DDL rights, so it never creates or alters its schema itself
 * ({@code camunda.bpm.database.schema-update: false}). An engine upgrade adds a migration that runs
 * Camunda's upgrade script for that step.
 */
public class V1_1__CamundaSchema extends BaseJavaMigration {

    private static final String[] SCRIPTS = {
        "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history"
    };

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String part : SCRIPTS) {
                statement.execute(script("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = V1_1__CamundaSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda create script missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
