package org.onewindow.runtime.external;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the external systems are ({@code onewindow.departments.*}).
 *
 * @param baseUrl the base URL (WireMock on the local stack and in tests)
 * @param timeout the read timeout of one call; a slower system counts as failed
 * @param systems component id → system path segment (营业执照 → market-regulation, 印章 → e-seal …)
 */
@ConfigurationProperties("onewindow.departments")
public record ExternalSystemsProperties(
        @DefaultValue("http://127.0.0.1:8089") String baseUrl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue Map<String, String> systems) {

    /** The system a component talks to; a component not listed talks to the system of its own name. */
    public String systemOf(String component) {
        return systems.getOrDefault(component, component);
    }
}
