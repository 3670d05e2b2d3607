package org.onewindow.propertyregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.consumer.infrastructure.DeadLetters;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.MovableClock;
import org.onewindow.testkit.TestEventSender;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 交房即办证 on a real PostgreSQL, Kafka broker and Camunda engine: construction-permit's
 * construction.completion-accepted (sent here as its outbox sends it) makes a project's units ready,
 * once however often it arrives; the developer's first registration then needs no completion
 * documents; one applied for together with the acceptance waits for it; a project without an
 * accepted completion is refused; unusable data goes to the dead-letter topic and changes nothing.
 */
@CaseServiceTest(
        database = "pr_handover",
        properties = {
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
@Import(MovableClock.class)
class HandoverRegistrationTest extends RegistrationServiceTest {

    static final String TOPIC = "onewindow.construction-permit.case-events";
    static final String DEAD_LETTERS = TOPIC + ".property-registration.completion-accepted.dlt";
    static final String DEVELOPER_USCC = OWNER_USCC;
    static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** construction-permit's topic exists before this service subscribes, as on the stack. */
    @RegisterExtension
    static TestEventSender producer = TestEventSender.onTopics(TOPIC);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProcessEngine engine;

    CaseServiceClient client;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "property-registration");
        MovableClock.set("2026-11-24T10:00"); // a Tuesday
    }

    @Test
    void theAcceptanceMakesTheUnitsReadyAndTheFirstRegistrationNeedsNoCompletionDocuments() throws Exception {
        String project = "2026-371502-47-03-000321";
        send(completion(
                project, "LC", List.of(Map.of("building", "1号楼", "units", 3), Map.of("building", "2号楼", "units", 2))));
        JsonNode ready = awaitProject(project, "LC");
        assertThat(ready.path("unitsReady").asInt()).isEqualTo(5);
        assertThat(ready.path("units").get(0).path("unitNumber").asText()).isEqualTo("371502000000GB00321F00010001");

        Reply receipt = client.apply(
                staff("clerk", "LC"),
                application("LC", "PR-2", Map.of("projectCode", project), List.of("completion-filing-certificate")));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().path("outcome").asText()).isEqualTo("ACCEPTED");
        String cn = receipt.body().path("caseNumber").asText();
        JsonNode evidence =
                findMaterial(client.read(staff("supervisor", "LC"), cn).body(), "completion-filing-certificate");
        assertThat(evidence.path("form").asText()).isEqualTo("SHARED");

        String registrar = TestTokens.staff("approver", "LC", "real-estate-registration");
        JsonNode review = await().atMost(Duration.ofSeconds(15))
                .until(() -> client.taskOf(registrar, cn, "review").orElse(null), t -> t != null);
        client.complete(registrar, review.path("id").asText(), "{\"decision\":\"APPROVED\",\"comment\":\"权籍调查无误\"}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.taskOf(staff("clerk", "LC"), cn, "deliver").isPresent());
        JsonNode registered = awaitProject(project, "LC");
        assertThat(registered.path("unitsRegistered").asInt()).isEqualTo(5);
        assertThat(registered.path("units").findValuesAsText("ownerName")).containsOnly("示例置业有限公司");

        Reply again = client.apply(
                staff("clerk", "LC"), application("LC", "PR-2", Map.of("projectCode", project), List.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("project.first-registered");
    }

    @Test
    void theSameAcceptanceTwiceAndAgainUnderAnotherIdHasOneEffect() throws Exception {
        String project = "2026-371502-47-03-000322";
        CaseEvent first = completion(project, "LC", List.of(Map.of("building", "A座", "units", 4)));
        send(first);
        send(first);
        CaseEvent repeated = completion(project, "LC", List.of(Map.of("building", "A座", "units", 4)));
        send(repeated);

        await().atMost(Duration.ofSeconds(30)).until(() -> audits(project, "register.completion-repeated") == 1);
        assertThat(audits(project, "register.units-ready")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM property_unit WHERE project_code = ?")
                        .param(project)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE event_id IN (?, ?)")
                        .params(first.id(), repeated.id())
                        .query(Integer.class)
                        .single())
                .as("each event id handled once")
                .isEqualTo(2);
    }

    @Test
    void anUnusableAnnouncementIsDeadLetteredAndChangesNothing() throws Exception {
        String project = "2026-371502-47-03-000323";
        double before = deadLettered();
        CaseEvent broken = completion(project, "LC", List.of(Map.of("building", "1号楼", "units", -2)));
        send(broken);

        List<ConsumerRecord<String, String>> letters = deadLetters(broken.subject());
        assertThat(letters).hasSize(1);
        assertThat(JSON.readTree(letters.get(0).value()).path("id").asText()).isEqualTo(broken.id());
        assertThat(new String(
                        letters.get(0)
                                .headers()
                                .lastHeader(DeadLetters.REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("a whole, non-negative number of units");
        assertThat(deadLettered()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM completed_project WHERE project_code = ?")
                        .param(project)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aProjectWithoutAcceptedCompletionIsRefusedTheFirstRegistration() {
        Reply refused = client.apply(
                staff("clerk", "LC"),
                application("LC", "PR-2", Map.of("projectCode", "2026-371502-47-03-000999"), List.of()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("project.not-completed");
        assertThat(refused.body().path("detailZh").asText()).contains("尚未通过竣工联合验收");
    }

    @Test
    void aHandoverRegistrationAppliedWithTheAcceptanceWaitsForIt() throws Exception {
        String project = "2026-370406-47-03-000324";
        Reply receipt = client.apply(
                staff("clerk", "ST"),
                application("ST", "PR-8", Map.of("projectCode", project), List.of("completion-filing-certificate")));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String cn = receipt.body().path("caseNumber").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.getRuntimeService()
                                .createExecutionQuery()
                                .processInstanceBusinessKey(cn)
                                .activityId("await-completion")
                                .count()
                        == 1);
        String registrar = TestTokens.staff("approver", "ST", "real-estate-registration");
        assertThat(client.taskOf(registrar, cn, "review")).isEmpty();

        send(completion(project, "ST", List.of(Map.of("building", "厂房1", "units", 1))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.taskOf(registrar, cn, "review").isPresent());
    }

    static String staff(String role, String jurisdiction) {
        return TestTokens.staff(role, jurisdiction, "service-centre");
    }

    static CaseEvent completion(String project, String jurisdiction, List<Map<String, Object>> buildings) {
        return new CaseEvent(
                CaseEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "construction.completion-accepted",
                "/onewindow/construction-permit",
                jurisdiction + "-CP-20261124-00" + project.substring(project.length() - 4) + "-K",
                Instant.parse("2026-11-24T01:30:00Z"),
                jurisdiction,
                Map.of(
                        "projectCode",
                        project,
                        "projectName",
                        "示例产业园",
                        "developerUscc",
                        DEVELOPER_USCC,
                        "buildings",
                        buildings,
                        "acceptedOn",
                        "2026-11-24",
                        "matterCode",
                        "CP-9"),
                null);
    }

    /** As the outbox sends it: keyed by case number, the envelope as JSON, the type in a header. */
    static void send(CaseEvent event) throws Exception {
        producer.sendJson(TOPIC, event.subject(), event.type(), event.id(), event);
    }

    JsonNode awaitProject(String project, String jurisdiction) {
        String registrar = TestTokens.staff("approver", jurisdiction, "real-estate-registration");
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> client.call(
                                "GET", "/api/v1/property-registration/projects/" + project, registrar, null, null),
                        r -> r.status() == 200)
                .body();
    }

    static JsonNode findMaterial(JsonNode file, String code) {
        for (JsonNode m : file.path("materials")) {
            if (m.path("code").asText().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no material " + code + " in " + file);
    }

    int audits(String subject, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_trail WHERE subject = ? AND action = ?")
                .params(subject, action)
                .query(Integer.class)
                .single();
    }

    double deadLettered() {
        Counter counter = meters.find("onewindow.consumer.dead-lettered").counter();
        return counter == null ? 0 : counter.count();
    }

    static List<ConsumerRecord<String, String>> deadLetters(String key) {
        return TestEventSender.recordsOn(DEAD_LETTERS, key, Duration.ofSeconds(30));
    }
}
