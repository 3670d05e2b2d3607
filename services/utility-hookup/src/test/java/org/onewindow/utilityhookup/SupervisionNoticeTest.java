package org.onewindow.utilityhookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.TestEventSender;
import org.onewindow.testkit.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 督办 notice from the supervision service (sent here as its outbox sends it) on a real
 * PostgreSQL, Kafka broker and Camunda engine: kept with the case once however often it arrives,
 * shown to staff on the case and on its tasks, not to the applicant, audited; one naming a case this
 * service does not have goes to the dead-letter topic.
 */
@CaseServiceTest(
        database = "ut_notice",
        properties = {
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
class SupervisionNoticeTest extends UtilityServiceTest {

    static final String TOPIC = OwningService.SUPERVISION.topic();

    @RegisterExtension
    static TestEventSender producer = TestEventSender.onTopics(TOPIC);

    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "utility-hookup");
    }

    @Test
    void aNoticeIsShownOnTheCaseAndItsTaskToStaffOnlyAndKeptOnce() throws Exception {
        Reply receipt = client.apply(
                clerk("LC"),
                application(
                        "LC",
                        "UT-E1",
                        Map.of(
                                "voltage",
                                "LOW",
                                "capacityKw",
                                100,
                                "externalWorks",
                                false,
                                "directConnection",
                                false,
                                "transformerUpgrade",
                                false)));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String cn = receipt.body().path("caseNumber").asText();
        String power = staffOf("power-supply", "LC");
        assertThat(awaitTask(power, cn, "connection").path("supervised").asBoolean())
                .isFalse();

        CaseEvent notice = notice(cn, "utility-hookup");
        producer.sendJson(TOPIC, notice.subject(), notice.type(), notice.id(), notice);
        producer.sendJson(TOPIC, notice.subject(), notice.type(), notice.id(), notice); // redelivered

        JsonNode file = await().atMost(Duration.ofSeconds(30))
                .until(() -> file(cn, "LC"), f -> f.path("notices").size() > 0);
        Thread.sleep(1000); // time for the redelivery to arrive and be skipped
        file = file(cn, "LC");
        assertThat(file.path("notices")).hasSize(1);
        JsonNode n = file.path("notices").get(0);
        assertThat(n.path("kind").asText()).isEqualTo("SUPERVISION_ORDER");
        assertThat(n.path("fromCase").asText()).isEqualTo(notice.subject());
        assertThat(n.path("respondBy").isTextual()).isTrue();
        assertThat(client.taskOf(power, cn, "connection")
                        .orElseThrow()
                        .path("supervised")
                        .asBoolean())
                .isTrue();

        Reply mine = client.read(TestTokens.issue("enterprise", List.of("applicant"), null, null, USCC), cn);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("notices")).isEmpty();
        Reply history = client.call("GET", "/api/v1/cases/" + cn + "/history", power, null, null);
        assertThat(history.body().findValuesAsText("action")).containsOnlyOnce("case.supervision-order");
    }

    @Test
    void aNoticeAboutACaseThisServiceDoesNotHaveGoesToTheDeadLetterTopic() throws Exception {
        CaseEvent stray = notice("LC-UT-20261203-999999-0", "utility-hookup");
        producer.sendJson(TOPIC, stray.subject(), stray.type(), stray.id(), stray);
        String dlt = TOPIC + ".utility-hookup.supervision-notices.dlt";
        assertThat(TestEventSender.recordsOn(dlt, stray.subject(), Duration.ofSeconds(30)))
                .isNotEmpty();
    }

    static CaseEvent notice(String supervisedCase, String service) {
        return new CaseEvent(
                "1.0",
                UUID.randomUUID().toString(),
                "supervision.notice-sent",
                "/onewindow/supervision",
                "LC-SV-20261203-%06d-0".formatted(new java.util.Random().nextInt(999_999)),
                Instant.now(),
                "LC",
                Map.of(
                        "supervisedCase",
                        supervisedCase,
                        "supervisedService",
                        service,
                        "kind",
                        "SUPERVISION_ORDER",
                        "matterCode",
                        "SV-2a",
                        "escalated",
                        false,
                        "respondBy",
                        "2026-12-08T17:30:00+08:00"),
                null);
    }
}
