package org.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;

/**
 * 错峰重试: callers turned away by a full back office are asked to come back later the more of them
 * are waiting, up to the longest Retry-After, and soon again once they no longer wait. The gateway's
 * clock is the test's, so "the next second" is exact.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onewindow.gateway.max-concurrent-calls=1",
            "onewindow.gateway.minimum-calls=50",
            "onewindow.gateway.busy-retry-after-longest=10s"
        })
@Import(MovableClock.class)
class BackOfficeRetryPacingTest extends BehindTheFrontDoor {

    @Autowired
    MeterRegistry meters;

    @Test
    void theMoreCallersWaitTheLaterTheyAreAskedToComeBack() throws Exception {
        MovableClock.set("2026-12-03T10:00:00");
        backOfficeAnswersAfter(3_000); // under the 5 s time limit, longer than the refusals below take
        CompletableFuture<ResponseEntity<String>> inFlight = CompletableFuture.supplyAsync(this::apply);
        awaitBackOfficeCalls(1);

        for (int caller = 0; caller < 30; caller++) {
            assertThat(apply().getHeaders().getFirst("Retry-After"))
                    .as("nobody was waiting before this second")
                    .isEqualTo("1");
        }

        MovableClock.advance(Duration.ofSeconds(1));
        ResponseEntity<String> crowded = apply();
        assertThat(crowded.getStatusCode().value()).isEqualTo(503);
        assertThat(crowded.getHeaders().getFirst("Retry-After"))
                .as("30 waiting, 1 call admitted in 5 s: 30 / (2 × 1) a second, at most 10")
                .isEqualTo("10");
        assertThat(crowded.getBody()).contains("back-office.busy", "请于 10 秒后");
        assertThat(meters.get("onewindow.gateway.busy.retry.after")
                        .tag("service", "enterprise-opening")
                        .gauge()
                        .value())
                .isEqualTo(10.0);

        MovableClock.advance(Duration.ofSeconds(11));
        assertThat(apply().getHeaders().getFirst("Retry-After"))
                .as("everyone asked to wait has had their time")
                .isEqualTo("1");

        assertThat(inFlight.get(10, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
    }
}
