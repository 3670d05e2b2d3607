package org.onewindow.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.onewindow.testkit.TestDatabase;

/**
 * A process engine for the model tests: its own fresh database of the shared real PostgreSQL,
 * delegates resolved from {@code Mocks}, no job executor (the test runs each job), full history.
 */
public final class TestEngines {

    private TestEngines() {}

    public static ProcessEngine start(String engineName, String database) {
        TestDatabase db = TestDatabase.create(database);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(engineName);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUrl(db.url());
        configuration.setJdbcUsername(db.owner());
        configuration.setJdbcPassword(db.owner());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }
}
