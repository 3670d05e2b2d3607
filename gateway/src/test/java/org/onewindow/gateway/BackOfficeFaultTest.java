package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A slow or failing back office gives the caller a 503 problem with Retry-After at once, never a hang. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onewindow.gateway.time-limit=1s",
            "onewindow.gateway.minimum-calls=4",
            "onewindow.gateway.open-for=30s"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficeFaultTest extends BehindTheFrontDoor {

    @Test
    @Order(1)
    void aBackOfficeSlowerThanTheTimeLimitIsA503WithinTheLimit() {
        enterpriseOpening.stubFor(WireMock.post("/api/v1/applications")
                .willReturn(aResponse().withStatus(201).withFixedDelay(5_000)));

        Instant start = Instant.now();
        ResponseEntity<String> response = apply();
        Duration waited = Duration.between(start, Instant.now());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(response.getBody()).contains("back-office.unavailable", "time limit exceeded", "Idempotency-Key");
        assertThat(waited)
                .as("answered at the time limit, not after the back office")
                .isLessThan(Duration.ofMillis(4_000));
    }

    @Test
    @Order(2)
    void aBackOfficeThatDropsConnectionsOpensItsCircuitAndIsNoLongerCalled() {
        enterpriseOpening.resetAll();
        enterpriseOpening.stubFor(WireMock.post("/api/v1/applications")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 4; i++) {
            assertThat(apply().getStatusCode().value()).isEqualTo(503);
        }
        int callsBeforeOpen = enterpriseOpening
                .findAll(postRequestedFor(urlEqualTo("/api/v1/applications")))
                .size();

        ResponseEntity<String> response = apply();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).contains("circuit open", "nothing was accepted");
        assertThat(enterpriseOpening.findAll(postRequestedFor(urlEqualTo("/api/v1/applications"))))
                .as("an open circuit does not call the back office")
                .hasSize(callsBeforeOpen);
    }
}
