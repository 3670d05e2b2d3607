package org.onewindow.enterpriseopening.external;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The departments' systems (市场监管, 电子印章, 税务, 社保, 公积金, 银行 …) behind one HTTP client.
 * Each system has its own circuit breaker, so one that is down fails fast without holding threads,
 * and the BPMN job that called it is retried later: the case waits and resumes, it is never lost.
 */
@Component
public class DepartmentSystems {

    /** What a system answers for a registration: its reference, and the credit code once issued. */
    public record Registration(String reference, String uscc) {}

    private final RestClient http;
    private final CircuitBreakerRegistry breakers;
    private final DepartmentSystemsProperties properties;

    DepartmentSystems(
            RestClient.Builder builder, CircuitBreakerRegistry breakers, DepartmentSystemsProperties properties) {
        this.http = builder.baseUrl(properties.baseUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                        .build(ClientHttpRequestFactorySettings.defaults()
                                .withConnectTimeout(properties.timeout())
                                .withReadTimeout(properties.timeout())))
                .build();
        this.breakers = breakers;
        this.properties = properties;
    }

    /** Registers a component of a case with the system that handles it. */
    public Registration register(
            String component, String caseNumber, String jurisdiction, Map<String, Object> details) {
        String system = properties.systemOf(component);
        CircuitBreaker breaker = breakers.circuitBreaker("department-" + system, "departments");
        return breaker.executeSupplier(() -> http.post()
                .uri("/{system}/registrations", system)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "caseNumber",
                        caseNumber,
                        "jurisdiction",
                        jurisdiction,
                        "component",
                        component,
                        "case",
                        details))
                .retrieve()
                .body(Registration.class));
    }
}
