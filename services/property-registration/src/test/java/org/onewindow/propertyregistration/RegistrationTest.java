package org.onewindow.propertyregistration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.EventSchemas;
import org.onewindow.testkit.MovableClock;
import org.onewindow.testkit.TestTokens;
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
            "spring.flyway.locations=" + RegistrationTest.WITH_DEMO_REGISTER,
            "onewindow.sla.scan-every=1h",
            "onewindow.property.tax-poll-interval=PT1S",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
@Import(MovableClock.class)
class RegistrationTest extends RegistrationServiceTest {

    static final String WITH_DEMO_REGISTER =
            "classpath:db/kernel,classpath:db/runtime,classpath:db/migration,classpath:db/demo";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Units of the demo register (db/demo): FC 102 is mortgaged, 201 seized, 202 held by a company. */
    static final String FC_101 = "370404001001GB00001F00010101";

    static final String FC_102 = "370404001001GB00001F00010102";
    static final String FC_201 = "370404001001GB00001F00010201";
    static final String FC_202 = "370404001001GB00001F00010202";
    static final String FC_301 = "370404001001GB00001F00010301";
    static final String QX_101 = "370686001001GB00002F00010101";
    static final String QX_102 = "370686001001GB00002F00010102";
    static final String QX_201 = "370686001001GB00002F00010201";
    static final String ST_101 = "370406001001GB00004F00010101";

    @LocalServerPort
    int port;

    CaseServiceClient client;

    @BeforeEach
    void client() {
        client = new CaseServiceClient(port, "property-registration");
        MovableClock.set("2026-11-24T10:00"); // a Tuesday
    }

    static String staff(String role, String jurisdiction, String department) {
        return TestTokens.staff(role, jurisdiction, department);
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
    void aSeizureIsRegisteredWhileTheClerkWaitsAndThenBlocksATransfer() {
        Instant since = Instant.now().minusSeconds(5);
        Reply receipt = apply("FC", "PR-1a", Map.of("unitNumber", FC_301));
        String cn = receipt.body().path("caseNumber").asText();

        assertThat(receipt.body().path("results").path("certificationNumber").asText())
                .isEqualTo("鲁（2026）FC不动产证明第" + cn.split("-")[3] + "号");
        String supervisor = staff("supervisor", "FC", "service-centre");
        JsonNode file = client.read(supervisor, cn).body();
        assertThat(file.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(client.tasks(staff("approver", "FC", "real-estate-registration")))
                .noneMatch(t -> t.path("caseNumber").asText().equals(cn));
        assertThat(client.eventsOf(cn, since, 3, Duration.ofSeconds(20)))
                .extracting(e -> e.path("type").asText())
                .containsExactly("case.accepted", "case.decided", "case.delivered");
        assertThat(unit(FC_301).path("seizures").asInt()).isEqualTo(1);

        Reply transfer = client.apply(
                staff("clerk", "FC", "service-centre"),
                application("FC", "PR-3a", Map.of("notarised", true, "unitNumber", FC_301)));
        assertThat(transfer.status()).isEqualTo(409);
        assertThat(transfer.contentType()).startsWith("application/problem+json");
        assertThat(transfer.body().path("code").asText()).isEqualTo("unit.seized");
        assertThat(transfer.body().path("detailZh").asText()).contains("已被查封").contains("转移登记");
        assertThat(unit(FC_301).path("ownerName").asText())
                .as("nothing changed")
                .isEqualTo("刘洋");
    }

    @Test
    void aTransferAcceptedAtTenIsDueTheNextWorkingDayAndAnnouncesTheUtilityTransfers() {
        Instant since = Instant.now().minusSeconds(5);
        Reply receipt = apply("FC", "PR-3a", Map.of("notarised", true, "unitNumber", FC_202));
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
        JsonNode deliver = await().atMost(Duration.ofSeconds(20))
                .until(() -> client.taskOf(window, cn, "deliver").orElse(null), t -> t != null);
        departments.verify(postRequestedFor(urlEqualTo("/e-licence-library/registrations"))
                .withRequestBody(matchingJsonPath("$.caseNumber", equalTo(cn))));
        assertThat(client.complete(window, deliver.path("id").asText(), "{\"channel\":\"WINDOW\"}")
                        .status())
                .isEqualTo(204);
        assertThat(client.read(window, cn).body().path("status").asText()).isEqualTo("DELIVERED");

        JsonNode unit = unit(FC_202);
        assertThat(unit.path("ownerName").asText()).isEqualTo("示例置业有限公司");
        assertThat(unit.path("registeredOn").asText()).isEqualTo("2026-11-24");
        JsonNode transferred = client.eventsOf(cn, since, 4, Duration.ofSeconds(20)).stream()
                .filter(e -> e.path("type").asText().equals("property.transfer-registered"))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(transferred)).isEmpty();
        JsonNode data = transferred.path("data");
        assertThat(data.path("unitNumber").asText()).isEqualTo(FC_202);
        assertThat(data.path("previousOwner").path("name").asText()).isEqualTo("峰城示例置业有限公司");
        assertThat(data.path("newOwner").path("uscc").asText()).isEqualTo(OWNER_USCC);
        assertThat(data.path("registeredOn").asText()).isEqualTo("2026-11-24");
        assertThat(data.path("utilities").findValuesAsText("matterCode"))
                .as("FC coordinates all four 过户 (D-FC-20)")
                .containsExactlyInAnyOrder("UT-Xa", "UT-Xb", "UT-Xc", "UT-Xd");
    }

    @Test
    void aUnitSeizedAfterAcceptanceIsNotTransferredAtRegistration() {
        Instant since = Instant.now().minusSeconds(5);
        Reply receipt = apply("FC", "PR-3a", Map.of("notarised", true, "unitNumber", FC_101));
        String cn = receipt.body().path("caseNumber").asText();
        apply("FC", "PR-1a", Map.of("unitNumber", FC_101)); // the court's notice arrives meanwhile

        String registrar = staff("approver", "FC", "real-estate-registration");
        JsonNode review = await().atMost(Duration.ofSeconds(15))
                .until(() -> client.taskOf(registrar, cn, "review").orElse(null), t -> t != null);
        client.complete(registrar, review.path("id").asText(), "{\"decision\":\"APPROVED\",\"comment\":\"核验无误\"}");

        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> client.read(registrar, cn).body(),
                        f -> f.path("status").asText().equals("DENIED"));
        JsonNode decided = client.eventsOf(cn, since, 2, Duration.ofSeconds(20)).stream()
                .filter(e -> e.path("type").asText().equals("case.decided"))
                .findFirst()
                .orElseThrow();
        assertThat(decided.path("data").path("decision").asText()).isEqualTo("DENIED");
        assertThat(decided.path("data").path("reason").asText()).contains("已被查封");
        assertThat(client.read(registrar, cn)
                        .body()
                        .path("results")
                        .path("denialReason")
                        .asText())
                .as("the reason on the case, as the applicant reads it")
                .contains("已被查封");
        assertThat(unit(FC_101).path("ownerName").asText()).isEqualTo("王建国");
    }

    @Test
    void unknownAndMalformedUnitsAreRefusedWithTheReason() {
        String clerk = staff("clerk", "FC", "service-centre");
        Reply unknown =
                client.apply(clerk, application("FC", "PR-4a", Map.of("unitNumber", "370404001001GB00001F00019999")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("code").asText()).isEqualTo("unit.unknown");
        assertThat(unknown.body().path("detailZh").asText()).startsWith("抵押的不动产单元");
        assertThat(unknown.body().path("errors").findValuesAsText("field")).contains("data.unitNumber");

        Reply malformed =
                client.apply(clerk, application("FC", "PR-3a", Map.of("notarised", true, "unitNumber", "1-101")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().toString()).contains("28 位");

        Reply missing = client.apply(clerk, application("FC", "PR-1b", Map.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("请填写不动产单元号");

        Reply notMortgaged = client.apply(clerk, application("FC", "PR-1b", Map.of("unitNumber", FC_202)));
        assertThat(notMortgaged.status()).isEqualTo(422);
        assertThat(notMortgaged.body().path("code").asText()).isEqualTo("unit.not-mortgaged");

        Reply elsewhere = client.apply(
                staff("clerk", "QX", "service-centre"), application("QX", "PR-4a", Map.of("unitNumber", FC_102)));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body().path("detailZh").asText()).contains("位于 FC");
    }

    @Test
    void qxJointTransferAndMortgageIsDueInOneWorkingDayWithTheTaxPaidAndThreeWithout() {
        assertThat(dueDay(apply("QX", "PR-3c", Map.of("taxPrepaid", true, "unitNumber", QX_101))))
                .isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(dueDay(apply("QX", "PR-3d", Map.of("taxPrepaid", false, "unitNumber", QX_201))))
                .isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(dueDay(apply("QX", "PR-4a", Map.of("underConstruction", false, "unitNumber", QX_102))))
                .as("a mortgage of a built unit (non-tax) in 1 working day")
                .isEqualTo(LocalDate.of(2026, 11, 25));

        Reply wrongMatter = client.apply(
                staff("clerk", "QX", "service-centre"),
                application("QX", "PR-3c", Map.of("taxPrepaid", false, "unitNumber", QX_101)));
        assertThat(wrongMatter.status()).isEqualTo(422);
        assertThat(wrongMatter.body().path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(wrongMatter.body().path("refusal").path("zh").asText())
                .as("the threshold as a clerk reads it")
                .contains("是否已完税：是");
    }

    @Test
    void aTransferInSettlementOfDebtWaitsForTheTransfereesTaxWithTheClockStopped() {
        Instant since = Instant.now().minusSeconds(5);
        departments.stubFor(get(urlPathMatching("/tax/cases/.*/payment")).willReturn(okJson("{\"paid\":false}")));
        Reply receipt = apply("ST", "PR-13", Map.of("unitNumber", ST_101));
        String cn = receipt.body().path("caseNumber").asText();
        String registrar = staff("approver", "ST", "real-estate-registration");

        // ST states no limit for PR-13, so no clock runs: the wait shows as the case's current step
        JsonNode waiting = await().atMost(Duration.ofSeconds(15))
                .until(() -> client.read(registrar, cn).body(), f -> step(f, "tax-payment") != null);
        assertThat(step(waiting, "tax-payment").path("status").asText()).isNotEqualTo("DONE");
        assertThat(waiting.path("status").asText()).isEqualTo("IN_PROGRESS");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> departments.verify(
                        moreThanOrExactly(2), getRequestedFor(urlEqualTo("/tax/cases/" + cn + "/payment"))));
        assertThat(client.taskOf(registrar, cn, "review"))
                .as("no review before the tax is paid")
                .isEmpty();

        // the newest stub wins: the tax office now has the payment
        departments.stubFor(get(urlPathMatching("/tax/cases/.*/payment"))
                .willReturn(okJson("{\"paid\":true,\"paidOn\":\"2026-11-24\"}")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.taskOf(registrar, cn, "review").isPresent());
        JsonNode paid = client.read(registrar, cn).body();
        assertThat(step(paid, "tax-payment").path("status").asText()).isEqualTo("DONE");
        assertThat(paid.path("results").path("taxPaidOn").asText()).isEqualTo("2026-11-24");
        assertThat(client.eventsOf(cn, since, 3, Duration.ofSeconds(20)))
                .extracting(e ->
                        e.path("type").asText() + e.path("data").path("reason").asText(""))
                .containsSubsequence("case.accepted", "case.suspendedTAX_PAYMENT", "case.resumed");
    }

    @Test
    void anELicenceReferenceStandsInForTheCertificateButNotForTheApplication() throws Exception {
        String clerk = staff("clerk", "FC", "service-centre");
        ObjectNode body = (ObjectNode) JSON.readTree(application("FC", "PR-1c", Map.of("unitNumber", FC_301)));
        for (JsonNode m : body.path("materials")) {
            if (m.path("code").asText().equals("property-certificate")) {
                ((ObjectNode) m).put("form", "E_LICENCE").put("reference", "鲁（2020）峰城区不动产权第0001234号");
            }
        }
        Reply accepted = client.apply(clerk, body.toString());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        JsonNode certificate = client.read(
                        clerk, accepted.body().path("caseNumber").asText())
                .body()
                .path("materials");
        assertThat(certificate.toString()).contains("\"code\":\"property-certificate\",\"form\":\"E_LICENCE\"");

        for (JsonNode m : body.path("materials")) {
            if (m.path("code").asText().equals("registration-application")) {
                ((ObjectNode) m).put("form", "E_LICENCE").put("reference", "DZZZ-1");
            }
        }
        Reply refused = client.apply(clerk, body.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("该材料不能以电子证照代替");
    }

    static JsonNode step(JsonNode file, String step) {
        for (JsonNode s : file.path("steps")) {
            if (s.path("step").asText().equals(step)) {
                return s;
            }
        }
        return null;
    }

    JsonNode unit(String unitNumber) {
        Reply reply = client.call(
                "GET",
                "/api/v1/property-registration/units/" + unitNumber,
                staff("approver", unitNumber.startsWith("370404") ? "FC" : "QX", "real-estate-registration"),
                null,
                null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
