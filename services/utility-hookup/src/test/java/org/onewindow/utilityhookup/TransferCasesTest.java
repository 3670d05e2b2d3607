package org.onewindow.utilityhookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.TestEventSender;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 过户 from property-registration's property.transfer-registered (sent here as its outbox sends it)
 * on a real PostgreSQL, Kafka broker and Camunda engine: one case per utility the jurisdiction
 * coordinates on the registration day, none twice for the same event, unusable data dead-lettered.
 */
@CaseServiceTest(
        database = "ut_transfer",
        properties = {
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
class TransferCasesTest extends UtilityServiceTest {

    static final String TOPIC = "onewindow.property-registration.case-events";
    /** property-registration's topic exists before this service subscribes, as on the stack. */
    @RegisterExtension
    static TestEventSender producer = TestEventSender.onTopics(TOPIC);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "utility-hookup");
    }

    @Test
    void stAfterSeptember2021OpensFourTransfersAndBeforeItOnlyElectricity() throws Exception {
        CaseEvent late = transfer("ST", "2021-10-08", "370402000000GB00001F00010001");
        CaseEvent early = transfer("ST", "2021-07-01", "370402000000GB00001F00010002");
        send(late);
        send(early);

        assertThat(awaitCases(late, 4)).containsExactlyInAnyOrder("UT-Xa", "UT-Xb", "UT-Xc", "UT-Xd");
        assertThat(awaitCases(early, 1)).containsExactly("UT-Xa");
        // the water company's staff find theirs in their inbox
        String caseNumber = caseOf(late, "UT-Xb");
        awaitTask(staffOf("water-supply", "ST"), caseNumber, "transfer-review");
        var file = file(caseNumber, "ST");
        assertThat(file.path("causedBy").asText()).isEqualTo(late.id());
        assertThat(file.path("applicantName").asText()).isEqualTo("张三");
        assertThat(file.path("data").path("registrationCase").asText()).isEqualTo(late.subject());
    }

    @Test
    void theSameEventTwiceOpensNothingMore() throws Exception {
        CaseEvent event = transfer("FC", "2026-11-20", "370404000000GB00001F00010003");
        send(event);
        assertThat(awaitCases(event, 4)).hasSize(4);

        send(event);
        send(event);
        Thread.sleep(2000); // a redelivery has nothing to wait for: time for it to arrive and be skipped
        assertThat(cases(event)).hasSize(4);
    }

    @Test
    void lcOpensOnlyTheCompaniesFlaggedAsCoordinating() throws Exception {
        CaseEvent event = transfer("LC", "2026-11-20", "371502000000GB00001F00010004");
        send(event);
        assertThat(awaitCases(event, 3)).containsExactlyInAnyOrder("UT-Xa", "UT-Xb", "UT-Xc");
        Thread.sleep(1000);
        assertThat(cases(event)).doesNotContain("UT-Xd");
    }

    @Test
    void anUnusableEventOpensNothingAndIsDeadLettered() throws Exception {
        CaseEvent broken = new CaseEvent(
                CaseEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "property.transfer-registered",
                "/onewindow/property-registration",
                "ST-PR-20261124-00BROKEN-K",
                Instant.now(),
                "ST",
                Map.of("unitNumber", "370402000000GB00001F00010009", "registeredOn", "昨天"),
                null);
        send(broken);
        CaseEvent good = transfer("ST", "2026-11-20", "370402000000GB00001F00010010");
        send(good);

        assertThat(awaitCases(good, 4)).hasSize(4); // the consumer moved on
        assertThat(cases(broken)).isEmpty();
        String deadLetters = TOPIC + ".utility-hookup.transfer-cases.dlt";
        assertThat(TestEventSender.recordsOn(deadLetters, broken.subject(), Duration.ofSeconds(30)))
                .isNotEmpty();
    }

    static CaseEvent transfer(String jurisdiction, String registeredOn, String unitNumber) {
        return new CaseEvent(
                CaseEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "property.transfer-registered",
                "/onewindow/property-registration",
                jurisdiction + "-PR-20261124-" + unitNumber.substring(unitNumber.length() - 6) + "-K",
                Instant.now(),
                jurisdiction,
                Map.of(
                        "unitNumber",
                        unitNumber,
                        "address",
                        "示例路1号1单元101室",
                        "previousOwner",
                        Map.of("type", "PERSON", "name", "李四", "idNumber", "370402198001010011"),
                        "newOwner",
                        Map.of("type", "PERSON", "name", "张三", "idNumber", "11010519491231002X"),
                        "registeredOn",
                        registeredOn,
                        "matterCode",
                        "PR-3a",
                        "utilities",
                        List.of()),
                null);
    }

    static void send(CaseEvent event) throws Exception {
        producer.sendJson(TOPIC, event.subject(), event.type(), event.id(), event);
    }

    List<String> cases(CaseEvent event) {
        return jdbc.sql("SELECT matter_code FROM case_file WHERE caused_by = ?")
                .param(event.id())
                .query(String.class)
                .list();
    }

    String caseOf(CaseEvent event, String matter) {
        return jdbc.sql("SELECT case_number FROM case_file WHERE caused_by = ? AND matter_code = ?")
                .params(event.id(), matter)
                .query(String.class)
                .single();
    }

    List<String> awaitCases(CaseEvent event, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> cases(event), l -> l.size() >= count);
    }

    static String supervisor(String jurisdiction) {
        return TestTokens.staff("supervisor", jurisdiction, "service-centre");
    }
}
