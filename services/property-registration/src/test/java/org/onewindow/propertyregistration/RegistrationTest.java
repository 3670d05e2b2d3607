package org.onewindow.propertyregistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.MovableClock;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Registrations through the service on a real PostgreSQL, Kafka broker and Camunda engine, on a
 * clock the test moves: FC's 查封 finished in the request (即时办结), FC's transfer due the next
 * working day and registered after review, QX's joint transfer-and-mortgage due in 1 working day
 * with the tax paid beforehand and in 3 without.
 */
@CaseServiceTest(
        database = "pr_registration",
        properties = {
            "onewindow.departments.base-url=http://127.0.0.1:9",
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
@Import(MovableClock.class)
class RegistrationTest {

    static final String OWNER_USCC = "91110105MA01FC010D";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    CatalogueLookup catalogue;

    CaseServiceClient client;

    @BeforeEach
    void client() {
        client = new CaseServiceClient(port, "property-registration");
        MovableClock.set("2026-11-24T10:00"); // a Tuesday
    }

    static String staff(String role, String jurisdiction, String department) {
        return TestTokens.staff(role, jurisdiction, department);
    }

    /** An application for the matter with every material on paper. */
    String application(String jurisdiction, String matterCode, Map<String, Object> data) {
        Matter matter = catalogue.matter(catalogue.inForce(jurisdiction, LocalDate.of(2026, 11, 24)), matterCode);
        ObjectNode body = JSON.createObjectNode()
                .put("jurisdiction", jurisdiction)
                .put("matterCode", matterCode)
                .put("channel", "WINDOW");
        body.putObject("applicant")
                .put("type", "ENTERPRISE")
                .put("name", "示例置业有限公司")
                .put("uscc", OWNER_USCC);
        ArrayNode materials = body.putArray("materials");
        matter.materials()
                .forEach(m -> materials.addObject().put("code", m.code()).put("form", "PAPER"));
        body.set("data", JSON.valueToTree(data));
        return body.toString();
    }

    Reply apply(String jurisdiction, String matterCode, Map<String, Object> data) {
        Reply receipt = client.apply(
                staff("clerk", jurisdiction, "service-centre"), application(jurisdiction, matterCode, data));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        return receipt;
    }

    LocalDate dueDay(Reply receipt) {
        return OffsetDateTime.parse(receipt.body().path("promisedDueAt").asText())
                .toLocalDate();
    }

    @Test
    void aSeizureIsRegisteredWhileTheClerkWaits() {
        Instant since = Instant.now().minusSeconds(5);
        Reply receipt = apply("FC", "PR-1a", Map.of());
        String cn = receipt.body().path("caseNumber").asText();

        assertThat(receipt.body().path("results").path("certificationNumber").asText())
                .isEqualTo("鲁（2026）FC不动产证明第" + cn.split("-")[3] + "号");
        JsonNode file =
                client.read(staff("supervisor", "FC", "service-centre"), cn).body();
        assertThat(file.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(client.tasks(staff("approver", "FC", "real-estate-registration")))
                .noneMatch(t -> t.path("caseNumber").asText().equals(cn));
        assertThat(client.eventsOf(cn, since, 3, Duration.ofSeconds(20)))
                .extracting(e -> e.path("type").asText())
                .containsExactly("case.accepted", "case.decided", "case.delivered");
    }

    @Test
    void aTransferAcceptedAtTenIsDueTheNextWorkingDayAndIsRegisteredAfterReview() {
        Reply receipt = apply("FC", "PR-3a", Map.of("notarised", true));
        assertThat(dueDay(receipt)).isEqualTo(LocalDate.of(2026, 11, 25));
        String cn = receipt.body().path("caseNumber").asText();

        String registrar = staff("approver", "FC", "real-estate-registration");
        JsonNode review = await().atMost(Duration.ofSeconds(15))
                .until(() -> client.taskOf(registrar, cn, "review").orElse(null), t -> t != null);
        assertThat(client.complete(
                                registrar,
                                review.path("id").asText(),
                                "{\"decision\":\"APPROVED\",\"comment\":\"核验无误\"}")
                        .status())
                .isEqualTo(204);
        String window = staff("clerk", "FC", "service-centre");
        JsonNode deliver = await().atMost(Duration.ofSeconds(15))
                .until(() -> client.taskOf(window, cn, "deliver").orElse(null), t -> t != null);
        assertThat(client.complete(window, deliver.path("id").asText(), "{\"channel\":\"WINDOW\"}")
                        .status())
                .isEqualTo(204);
        assertThat(client.read(window, cn).body().path("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void qxJointTransferAndMortgageIsDueInOneWorkingDayWithTheTaxPaidAndThreeWithout() {
        assertThat(dueDay(apply("QX", "PR-3c", Map.of("taxPrepaid", true)))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(dueDay(apply("QX", "PR-3d", Map.of("taxPrepaid", false)))).isEqualTo(LocalDate.of(2026, 11, 27));

        Reply wrongMatter = client.apply(
                staff("clerk", "QX", "service-centre"), application("QX", "PR-3c", Map.of("taxPrepaid", false)));
        assertThat(wrongMatter.status()).isEqualTo(422);
        assertThat(wrongMatter.body().path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(wrongMatter.body().path("refusal").path("zh").asText())
                .as("the threshold as a clerk reads it")
                .contains("是否已完税：是");
    }
}
