package org.onewindow.enterpriseopening.workflow.infrastructure;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands Camunda's schema migration to Boot's Flyway (it runs every JavaMigration bean). */
@Configuration(proxyBeanMethods = false)
class CamundaSchemaConfiguration {
    @Bean
    JavaMigration camundaSchema() {
        return new V1_1__CamundaSchema();
    }
}
