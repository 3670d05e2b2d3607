package org.onewindow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.apply;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.approver;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.eventsOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onewindow.runtime.clock.SlaSchedule;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.EventSchemas;
import org.onewindow.testkit.MovableClock;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case's statutory clock on a clock the test moves: LC's two working hours, a suspension for
 * the applicant's supplement that moves the due date by exactly the paused office time, then the
 * yellow card at 80 % and the red card past due — each raised once, from the kernel clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"onewindow.sla.scan-every=1h", "camunda.bpm.job-execution.enabled=false"})
@Import(MovableClock.class)
class StatutoryClockTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "eo_clock");
        registry.add("onewindow.departments.base-url", () -> "http://127.0.0.1:9");
    }

    @Autowired
    SlaSchedule sla;

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aSuspensionMovesTheDueDateAndTheCardsAreRaisedOnce() throws Exception {
        Instant testStart = Instant.now();
        MovableClock.set("2026-11-24T09:30");
        Reply receipt = apply(port, clerk("LC"), bundleApplication("LC", "WINDOW"));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();
        assertThat(OffsetDateTime.parse(receipt.body().path("promisedDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-11-24T11:30+08:00"));

        MovableClock.set("2026-11-24T10:00");
        String path = "/api/v1/cases/" + caseNumber;
        assertThat(call(port, "POST", path + "/suspension", approver("LC"), null, "{\"reason\":\"COFFEE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(call(
                                port,
                                "POST",
                                path + "/suspension",
                                approver("FC"),
                                null,
                                "{\"reason\":\"APPLICANT_SUPPLEMENT\"}")
                        .status())
                .as("staff of another jurisdiction")
                .isEqualTo(404);
        assertThat(call(
                                port,
                                "POST",
                                path + "/suspension",
                                approver("LC"),
                                null,
                                "{\"reason\":\"HEARING\",\"note\":\"听证\"}")
                        .status())
                .as("EO-1's limit does not exclude hearings")
                .isEqualTo(409);
        assertThat(call(
                                port,
                                "POST",
                                path + "/suspension",
                                approver("LC"),
                                null,
                                "{\"reason\":\"APPLICANT_SUPPLEMENT\",\"note\":\"待补充住所证明\"}")
                        .status())
                .isEqualTo(204);
        assertThat(read(caseNumber).path("suspended").asBoolean()).isTrue();

        // paused 10:00-14:00: 2 h before lunch + 0.5 h after, so the due time moves 2.5 office hours
        MovableClock.set("2026-11-24T14:00");
        assertThat(call(port, "POST", path + "/resumption", clerk("LC"), null, null)
                        .status())
                .isEqualTo(204);
        JsonNode resumed = read(caseNumber);
        assertThat(resumed.path("suspended").asBoolean()).isFalse();
        assertThat(OffsetDateTime.parse(resumed.path("dueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-11-24T15:30+08:00"));
        assertThat(call(port, "POST", path + "/resumption", clerk("LC"), null, null)
                        .status())
                .isEqualTo(409);

        // the SLA scan runs when the test says, on the clock the test set (no waiting on a schedule)
        MovableClock.set("2026-11-24T15:10"); // 1 h 40 min of 2 h used: still green
        sla.scan();
        MovableClock.set("2026-11-24T15:20"); // 1 h 50 min of 2 h used: yellow
        sla.scan();
        sla.scan();
        MovableClock.set("2026-11-24T15:31"); // past due: red
        sla.scan();
        MovableClock.set("2026-11-24T16:30"); // still red: nothing new
        sla.scan();

        List<JsonNode> events = eventsOf(caseNumber, testStart, 4, Duration.ofSeconds(20));
        Map<String, List<JsonNode>> byType = events.stream()
                .collect(Collectors.groupingBy(e -> e.path("type").asText()));
        assertThat(byType.get("case.suspended")).singleElement().satisfies(e -> assertThat(
                        e.path("data").path("reason").asText())
                .isEqualTo("APPLICANT_SUPPLEMENT"));
        assertThat(byType.get("case.resumed")).hasSize(1);
        assertThat(byType.get("case.sla-warning")).singleElement().satisfies(e -> {
            assertThat(e.path("data").path("clock").asText()).isEqualTo("APPROVAL");
            assertThat(OffsetDateTime.parse(e.path("data").path("dueAt").asText()))
                    .isEqualTo(OffsetDateTime.parse("2026-11-24T15:30+08:00"));
            assertThat(e.path("data").path("usedShare").decimalValue())
                    .isBetween(new java.math.BigDecimal("0.8"), new java.math.BigDecimal("1"));
        });
        assertThat(byType.get("case.sla-breached")).hasSize(1);
        for (JsonNode event : events) {
            assertThat(EventSchemas.violations(event)).as(event.toString()).isEmpty();
        }
    }

    private JsonNode read(String caseNumber) {
        Reply reply = call(port, "GET", "/api/v1/cases/" + caseNumber, clerk("LC"), null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
