package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;

/**
 * The admission wait: a call that finds its back office full is not refused while a place frees up
 * within the wait; it is sent on, in arrival order, as soon as one does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onewindow.gateway.max-concurrent-calls=1",
            "onewindow.gateway.admission-wait=3s",
            "onewindow.gateway.minimum-calls=50"
        })
class BackOfficeAdmissionWaitTest extends BehindTheFrontDoor {

    @Autowired
    MeterRegistry meters;

    @Test
    void aCallArrivingAtAFullBackOfficeIsServedWhenAPlaceFreesWithinTheWait() throws Exception {
        backOfficeAnswersAfter(400);
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<ResponseEntity<String>> first = CompletableFuture.supplyAsync(this::apply, clients);
            awaitBackOfficeCalls(1);

            Instant start = Instant.now();
            ResponseEntity<String> waiting = apply();
            Duration took = Duration.between(start, Instant.now());

            assertThat(waiting.getStatusCode().value())
                    .as("served once the call in flight was answered, not refused")
                    .isEqualTo(201);
            assertThat(took)
                    .as("it waited for the call in flight (400 ms) before it was sent on")
                    .isGreaterThan(Duration.ofMillis(200));
            assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
            assertThat(enterpriseOpening.findAll(postRequestedFor(urlEqualTo("/api/v1/applications"))))
                    .hasSize(2);
            assertThat(meters.counter("onewindow.gateway.refusals", "service", "enterprise-opening", "reason", "busy")
                            .count())
                    .isZero();
        } finally {
            clients.shutdownNow();
        }
    }
}
