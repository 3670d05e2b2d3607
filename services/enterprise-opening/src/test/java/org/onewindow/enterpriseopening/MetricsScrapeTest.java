package org.onewindow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.apply;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.approver;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.runtime.casefile.infrastructure.OpenCaseGauges;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.MonitoringQueries;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A scraper reads the service's metrics on its management port without a token, and every query
 * of the dashboards and alert rules (infra/observability) reads metrics the service really exposes
 * once it has accepted a case and an approver has worked a step.
 */
@AutoConfigureObservability // a @SpringBootTest leaves the Prometheus registry out unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MetricsScrapeTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "eo_metrics");
        registry.add("onewindow.departments.base-url", () -> "http://127.0.0.1:9");
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    OpenCaseGauges openCases;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDashboardsAndAlertsReadMetricsTheServiceExposesWithoutAToken() throws Exception {
        Reply receipt = apply(port, clerk("FC"), bundleApplication("FC", "WINDOW"));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();
        JsonNode review = await().atMost(Duration.ofSeconds(20)).until(() -> task(caseNumber), t -> t != null);
        String path = "/api/v1/enterprise-opening/tasks/" + review.path("id").asText();
        assertThat(call(port, "POST", path + "/claim", approver("FC"), null, null)
                        .status())
                .isEqualTo(204);
        assertThat(call(port, "POST", path + "/complete", approver("FC"), null, "{\"decision\":\"APPROVED\"}")
                        .status())
                .isEqualTo(204);
        openCases.refresh();

        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).as("no token on the management port").isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(get(port, "/actuator/prometheus").statusCode())
                .as("the public port serves no metrics")
                .isNotEqualTo(200);
        assertThat(get(managementPort, "/actuator/env").statusCode())
                .as("only health, info and the scrape are open")
                .isIn(401, 404);

        String text = scrape.body();
        assertThat(text)
                .containsPattern("onewindow_cases_accepted_total\\{[^}]*matter=\"EO-1\"[^}]*} 1\\.0")
                .containsPattern("onewindow_cases_open\\{[^}]*application=\"enterprise-opening\"")
                .containsPattern("onewindow_step_duration_seconds_count\\{[^}]*step=\"review-business-licence\"");
        Set<String> exposed = MonitoringQueries.sampleNames(text);
        for (MonitoringQueries.Query query : MonitoringQueries.all()) {
            if (!query.ofGateway()) {
                assertThat(exposed).as(query.where() + ": " + query.expr()).containsAll(query.metrics());
            }
        }
    }

    private JsonNode task(String caseNumber) {
        for (JsonNode t : call(port, "GET", "/api/v1/enterprise-opening/tasks", approver("FC"), null, null)
                .body()) {
            if (t.path("caseNumber").asText().equals(caseNumber)) {
                return t;
            }
        }
        return null;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
