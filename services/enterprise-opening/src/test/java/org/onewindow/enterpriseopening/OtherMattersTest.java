package org.onewindow.enterpriseopening;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.applicant;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.apply;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.eventsOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.EventSchemas;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The matters besides the bundle, end to end in the service: 简易注销 with an objection, 一业一证, 证照分离. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=1000"})
class OtherMattersTest {

    @RegisterExtension
    static WireMockExtension departments = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "eo_matters");
        registry.add("onewindow.departments.base-url", departments::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void systems() {
        departments.stubFor(
                post(urlPathMatching("/[a-z-]+/registrations")).willReturn(okJson("{\"reference\":\"R\"}")));
    }

    static String approver(String jurisdiction, String department) {
        return TestTokens.issue(
                jurisdiction.toLowerCase() + "-" + department, List.of("approver"), jurisdiction, department, null);
    }

    @Test
    void anUpheldObjectionDuringTheNoticeEndsASimpleDeregistrationDenied() {
        Instant start = Instant.now();
        String body =
                """
            {"jurisdiction":"ST","matterCode":"EO-5","channel":"WINDOW",
             "applicant":{"type":"ENTERPRISE","name":"山亭示例商贸有限公司","uscc":"91110105MA01FC010D"},
             "materials":[{"code":"application-form","form":"PAPER"},{"code":"investors-commitment","form":"PAPER"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-1"},
               {"code":"business-licence","form":"E_LICENCE","reference":"EL-2"}],"data":{}}""";
        Reply receipt = apply(port, clerk("ST"), body);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> departments.verify(1, postRequestedFor(urlEqualTo("/notice-platform/registrations"))));
        assertThat(jdbc.sql("SELECT count(*) FROM case_clock WHERE case_number = ? AND clock LIKE 'STEP:%'")
                        .param(caseNumber)
                        .query(Long.class)
                        .single())
                .as("the 公告 is the model's timer, not a watched clock")
                .isZero();

        String creditor = applicant("creditor", "91310115MA02LC022T");
        assertThat(call(port, "POST", "/api/v1/cases/" + caseNumber + "/objections", creditor, null, "{}")
                        .status())
                .isEqualTo(400);
        // the notice starts when the notice platform's registration has committed in the engine
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Reply objection = call(
                    port,
                    "POST",
                    "/api/v1/cases/" + caseNumber + "/objections",
                    creditor,
                    null,
                    "{\"reason\":\"尚欠货款 12 万元\"}");
            assertThat(objection.status()).as(objection.body().toString()).isEqualTo(202);
        });

        String office = approver("ST", "market-regulation");
        JsonNode task = await().atMost(Duration.ofSeconds(10)).until(() -> taskOf(office, caseNumber), t -> t != null);
        assertThat(task.path("activity").asText()).isEqualTo("handle-objection");
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/"
                                        + task.path("id").asText() + "/complete",
                                office,
                                null,
                                "{\"decision\":\"UPHELD\"}")
                        .status())
                .as("upholding needs a reason")
                .isEqualTo(400);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/"
                                        + task.path("id").asText() + "/complete",
                                office,
                                null,
                                "{\"decision\":\"UPHELD\",\"comment\":\"债务未清偿\"}")
                        .status())
                .isEqualTo(204);

        assertThat(status(caseNumber)).isEqualTo("DENIED");
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/cases/" + caseNumber + "/objections",
                                creditor,
                                null,
                                "{\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);
        JsonNode decided = eventsOf(caseNumber, start, 2, Duration.ofSeconds(15)).stream()
                .filter(e -> e.path("type").asText().equals("case.decided"))
                .findFirst()
                .orElseThrow();
        assertThat(decided.path("data").path("decision").asText()).isEqualTo("DENIED");
        assertThat(decided.path("data").path("reason").asText()).isEqualTo("债务未清偿");
        assertThat(EventSchemas.violations(decided)).isEmpty();
    }

    @Test
    void anIndustryPermitIsReviewedByItsOwnDepartmentIssuedAndDelivered() {
        String body =
                """
            {"jurisdiction":"FC","matterCode":"EO-7","channel":"WINDOW",
             "applicant":{"type":"ENTERPRISE","name":"峰城示例便利店","uscc":"91110105MA01FC010D"},
             "materials":[{"code":"industry-permit-form","form":"PAPER"},
               {"code":"business-licence","form":"E_LICENCE","reference":"EL-2"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-1"},
               {"code":"premises-proof","form":"COMMITMENT"},{"code":"industry-commitment","form":"COMMITMENT"}],
             "data":{"industry":"convenience-store"}}""";
        Reply receipt = apply(port, clerk("FC"), body);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();

        assertThat(taskOf(approver("FC", "market-regulation"), caseNumber))
                .as("一枚印章管审批: the administrative-approval bureau reviews, not market regulation")
                .isNull();
        String bureau = approver("FC", "administrative-approval");
        JsonNode review =
                await().atMost(Duration.ofSeconds(10)).until(() -> taskOf(bureau, caseNumber), t -> t != null);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/"
                                        + review.path("id").asText() + "/complete",
                                bureau,
                                null,
                                "{\"decision\":\"APPROVED\"}")
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(caseNumber).equals("APPROVED"));
        departments.verify(1, postRequestedFor(urlEqualTo("/administrative-approval/registrations")));
        JsonNode deliver =
                await().atMost(Duration.ofSeconds(10)).until(() -> taskOf(clerk("FC"), caseNumber), t -> t != null);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/"
                                        + deliver.path("id").asText() + "/complete",
                                clerk("FC"),
                                null,
                                "{\"channel\":\"E_LICENCE\"}")
                        .status())
                .isEqualTo(204);
        assertThat(status(caseNumber)).isEqualTo("DELIVERED");
    }

    @Test
    void anUnknownReformPathIsRefusedAndNothingIsStored() {
        long before =
                jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
        String body =
                """
            {"jurisdiction":"ST","matterCode":"EO-8","channel":"WINDOW",
             "applicant":{"type":"ENTERPRISE","name":"山亭示例","uscc":"91110105MA01FC010D"},
             "materials":[{"code":"commitment-letter","form":"PAPER"},
               {"code":"business-licence","form":"E_LICENCE","reference":"EL-2"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-1"},
               {"code":"filing-materials","form":"PAPER"}],
             "data":{"reformPath":"SOMETIMES"}}""";
        Reply reply = apply(port, clerk("ST"), body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("data.reformPath");
        assertThat(jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single())
                .isEqualTo(before);
        Reply filed = apply(port, clerk("ST"), body.replace("SOMETIMES", "FILING"));
        assertThat(filed.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> status(filed.body().path("caseNumber").asText()).equals("APPROVED"));
    }

    private String status(String caseNumber) {
        return call(port, "GET", "/api/v1/cases/" + caseNumber, clerk(caseNumber.substring(0, 2)), null, null)
                .body()
                .path("status")
                .asText();
    }

    private JsonNode taskOf(String token, String caseNumber) {
        for (JsonNode t : call(port, "GET", "/api/v1/enterprise-opening/tasks", token, null, null)
                .body()) {
            if (t.path("caseNumber").asText().equals(caseNumber)) {
                return t;
            }
        }
        return null;
    }
}
