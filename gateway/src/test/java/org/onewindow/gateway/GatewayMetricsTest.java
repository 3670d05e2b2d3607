package org.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.MonitoringQueries;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front door's metrics: on the management port without a token, never on the public port, and
 * every dashboard and alert query of the gateway's own metrics (application="gateway") reads
 * metrics it exposes.
 */
@AutoConfigureObservability // a @SpringBootTest leaves the Prometheus registry out unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayMetricsTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScraperReadsTheGatewaysMetricsOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> guide = get(port, "/api/v1/catalogue/FC/matters");
        assertThat(guide.statusCode()).as(guide.headers() + " " + guide.body()).isEqualTo(200);

        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(get(port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);

        Set<String> exposed = MonitoringQueries.sampleNames(scrape.body());
        assertThat(scrape.body())
                .containsPattern(
                        "onewindow_gateway_refusals_total\\{[^}]*reason=\"busy\"[^}]*service=\"enterprise-opening\"");
        long gatewayQueries = MonitoringQueries.all().stream()
                .filter(MonitoringQueries.Query::ofGateway)
                .peek(q -> assertThat(exposed).as(q.where() + ": " + q.expr()).containsAll(q.metrics()))
                .count();
        assertThat(gatewayQueries).isPositive();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
