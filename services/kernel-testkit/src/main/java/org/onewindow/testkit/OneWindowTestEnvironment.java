package org.onewindow.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot test at the shared real PostgreSQL and Kafka and at the test token key. */
public final class OneWindowTestEnvironment {
    private OneWindowTestEnvironment() {}

    /** A fresh database for the context, the shared broker, and test-token validation. */
    public static TestDatabase register(DynamicPropertyRegistry registry, String databasePrefix) {
        TestDatabase db = TestDatabase.create(databasePrefix);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::app);
        registry.add("spring.datasource.password", db::app);
        registry.add("spring.flyway.user", db::owner);
        registry.add("spring.flyway.password", db::owner);
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        tokens(registry);
        return db;
    }

    /**
     * Test-token validation only (for applications without a database, such as the gateway); no
     * broker, so the holiday-calendar feed stays off.
     */
    public static void registerTokens(DynamicPropertyRegistry registry) {
        tokens(registry);
        registry.add("onewindow.calendar.feed.enabled", () -> "false");
    }

    private static void tokens(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("onewindow.security.issuer", () -> TestTokens.ISSUER);
    }
}
