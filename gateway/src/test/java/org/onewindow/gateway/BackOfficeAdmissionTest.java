package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Admission control: a back office already working its bulkhead's worth of calls is not sent
 * another; with no admission wait (the default) the caller is refused at once with 503,
 * Retry-After and a reason, nothing accepted, and the calls in flight are answered as usual.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onewindow.gateway.max-concurrent-calls=2", "onewindow.gateway.minimum-calls=50"})
class BackOfficeAdmissionTest extends BehindTheFrontDoor {

    @Autowired
    MeterRegistry meters;

    @Test
    void aFullBackOfficeRefusesTheNextCallAtOnceAndAnswersTheOnesInFlight() throws Exception {
        backOfficeAnswersAfter(2_000);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch sent = new CountDownLatch(2);
            List<CompletableFuture<ResponseEntity<String>>> inFlight = List.of(
                    CompletableFuture.supplyAsync(() -> apply(sent), clients),
                    CompletableFuture.supplyAsync(() -> apply(sent), clients));
            assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
            awaitBackOfficeCalls(2);

            Instant start = Instant.now();
            ResponseEntity<String> refused = apply(new CountDownLatch(1));
            Duration waited = Duration.between(start, Instant.now());

            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(refused.getBody()).contains("back-office.busy", "当前办理量已满", "nothing was accepted");
            assertThat(waited)
                    .as("refused at once, not after the calls in flight (2 s)")
                    .isLessThan(Duration.ofMillis(1_000));
            for (CompletableFuture<ResponseEntity<String>> call : inFlight) {
                assertThat(call.get(10, TimeUnit.SECONDS).getStatusCode().value())
                        .isEqualTo(201);
            }
            assertThat(enterpriseOpening.findAll(postRequestedFor(urlEqualTo("/api/v1/applications"))))
                    .as("the refused application never reached the back office")
                    .hasSize(2);
            assertThat(meters.counter("onewindow.gateway.refusals", "service", "enterprise-opening", "reason", "busy")
                            .count())
                    .isEqualTo(1.0);

            assertThat(apply(new CountDownLatch(1)).getStatusCode().value())
                    .as("once the calls in flight are answered, the next one is let through")
                    .isEqualTo(201);
        } finally {
            clients.shutdownNow();
        }
    }

    private ResponseEntity<String> apply(CountDownLatch sent) {
        sent.countDown();
        return apply();
    }
}
