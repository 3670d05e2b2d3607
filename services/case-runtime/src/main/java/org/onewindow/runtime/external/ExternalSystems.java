package org.onewindow.runtime.external;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The systems outside the platform (市场监管, 电子印章, 税务, 电子证照库, 供电公司 …) behind one HTTP
 * client. Each system has its own circuit breaker, so one that is down fails fast without holding
 * threads, and the BPMN job that called it is retried later: the case waits and resumes, it is
 * never lost.
 */
public class ExternalSystems {

    private static final ParameterizedTypeReference<Map<String, Object>> ANSWER = new ParameterizedTypeReference<>() {};

    /** What a system answers for a registration: its reference, and whatever else it sent. */
    public record Answer(String reference, Map<String, Object> data) {
        public Answer {
            data = data == null ? Map.of() : data;
        }
    }

    private final RestClient http;
    private final CircuitBreakerRegistry breakers;
    private final ExternalSystemsProperties properties;

    public ExternalSystems(
            RestClient.Builder builder, CircuitBreakerRegistry breakers, ExternalSystemsProperties properties) {
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

    /**
     * Asks a system about a case ({@code GET /{system}/cases/{caseNumber}/{topic}}: the tax office
     * whether the transferee has paid), behind the same breaker as its registrations; the answer as
     * the system sent it.
     */
    public Map<String, Object> ask(String system, String caseNumber, String topic) {
        CircuitBreaker breaker = breakers.circuitBreaker("department-" + system, "departments");
        Map<String, Object> body = breaker.executeSupplier(() -> http.get()
                .uri("/{system}/cases/{caseNumber}/{topic}", system, caseNumber, topic)
                .retrieve()
                .body(ANSWER));
        return body == null ? Map.of() : body;
    }

    /** Registers a component or step of a case with the system that handles it. */
    public Answer register(String component, String caseNumber, String jurisdiction, Map<String, Object> details) {
        String system = properties.systemOf(component);
        CircuitBreaker breaker = breakers.circuitBreaker("department-" + system, "departments");
        Map<String, Object> body = breaker.executeSupplier(() -> http.post()
                .uri("/{system}/registrations", system)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "caseNumber", caseNumber,
                        "jurisdiction", jurisdiction,
                        "component", component,
                        "case", details))
                .retrieve()
                .body(ANSWER));
        Map<String, Object> answer = body == null ? Map.of() : body;
        Object reference = answer.get("reference");
        return new Answer(reference == null ? null : reference.toString(), answer);
    }
}
