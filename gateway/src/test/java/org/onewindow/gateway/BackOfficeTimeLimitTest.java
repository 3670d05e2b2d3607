package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The configured time limit is the one applied: a back office answering within it is answered, not
 * cut off at Resilience4j's own default of one second (which Spring Cloud's factory fell back to:
 * the first application after a start took longer than that and got a 503).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onewindow.gateway.time-limit=4s", "onewindow.gateway.minimum-calls=50"})
class BackOfficeTimeLimitTest extends BehindTheFrontDoor {

    @Test
    void aBackOfficeAnsweringWithinTheConfiguredLimitIsAnsweredEvenAfterASecond() {
        backOfficeAnswersAfter(2_000);

        ResponseEntity<String> response = apply();

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }

    @Test
    void aBackOfficeSlowerThanTheConfiguredLimitIsCutOffAtThatLimit() {
        enterpriseOpening.stubFor(WireMock.post("/api/v1/applications")
                .willReturn(aResponse().withStatus(201).withFixedDelay(8_000)));

        Instant start = Instant.now();
        ResponseEntity<String> response = apply();
        Duration waited = Duration.between(start, Instant.now());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(waited).isBetween(Duration.ofMillis(3_500), Duration.ofMillis(7_000));
    }
}
