package org.onewindow.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each {@link CaseServiceTest} context a fresh database and points it at the shared broker
 * and the test token key. Registered in META-INF/spring.factories.
 */
public class CaseServiceTestEnvironment implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(CaseServiceTest.class)
                .synthesize(a -> a.isPresent())
                .map(annotation -> new Customizer(annotation.database()))
                .orElse(null);
    }

    /** Equal for equal prefixes, so Spring's context cache shares one context per prefix. */
    private record Customizer(String databasePrefix) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            TestDatabase db = TestDatabase.create(databasePrefix);
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", db.url());
            properties.put("spring.datasource.username", db.app());
            properties.put("spring.datasource.password", db.app());
            properties.put("spring.flyway.user", db.owner());
            properties.put("spring.flyway.password", db.owner());
            properties.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
            properties.put("onewindow.security.issuer", TestTokens.ISSUER);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("onewindow-case-service-test", properties));
        }
    }
}
