package org.onewindow.enterpriseopening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.apply;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.approver;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.eventsOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.EventSchemas;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * EO-1 end to end inside the service, on a real PostgreSQL, Kafka broker and Camunda engine, with
 * WireMock for the departments' systems: apply at the window, review, parallel registrations,
 * delivery, rating, and every event exactly once.
 */
// tracing as in production (Boot switches it off in tests): events carry the request's trace
@AutoConfigureObservability
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onewindow.case.retry-cycle=R5/PT1S",
            "onewindow.departments.timeout=2s",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
class BundleLifecycleTest {

    @RegisterExtension
    static WireMockExtension departments = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "eo_bundle");
        registry.add("onewindow.departments.base-url", departments::baseUrl);
    }

    static final String ISSUED_USCC = "91370402MA3C7E8X0B";

    @LocalServerPort
    int port;

    @BeforeEach
    void departmentSystems() {
        departments.resetAll();
        departments.stubFor(post(urlPathMatching("/[a-z-]+/registrations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"REF-{{randomValue length=8 type='ALPHANUMERIC'}}\"}")
                        .withTransformers("response-template")));
        departments.stubFor(post(urlEqualTo("/market-regulation/registrations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"YYZZ-1\",\"uscc\":\"" + ISSUED_USCC + "\"}")));
    }

    @Test
    void aWalkInFounderGetsTheBundleReviewedRegisteredDeliveredAndRated() {
        Instant start = Instant.now();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Reply receipt = call(
                port,
                "POST",
                "/api/v1/applications",
                clerk("FC"),
                java.util.UUID.randomUUID().toString(),
                bundleApplication("FC", "WINDOW"),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();
        assertThat(caseNumber).startsWith("FC-EO-");
        assertThat(receipt.body().path("outcome").asText()).isEqualTo("ACCEPTED");
        OffsetDateTime acceptedAt =
                OffsetDateTime.parse(receipt.body().path("acceptedAt").asText());
        OffsetDateTime due =
                OffsetDateTime.parse(receipt.body().path("promisedDueAt").asText());
        assertThat(due).isAfter(acceptedAt);
        assertThat(due.getOffset().getId()).isEqualTo("+08:00");

        // the approver of FC's market regulation reviews the licence; LC's cannot touch it
        JsonNode review = taskOf(approver("FC"), caseNumber, "review-business-licence");
        String reviewId = review.path("id").asText();
        // 待办 shows the case and its approval clock, so the inbox sorts by time left
        assertThat(review.path("matterCode").asText()).isEqualTo("EO-1");
        assertThat(OffsetDateTime.parse(review.path("dueAt").asText())).isEqualTo(due);
        assertThat(review.path("level").asText()).isEqualTo("GREEN");
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/tasks", approver("LC"), null, null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .doesNotContain(caseNumber);
        Reply foreign = call(
                port,
                "POST",
                "/api/v1/enterprise-opening/tasks/" + reviewId + "/complete",
                approver("LC"),
                null,
                "{\"decision\":\"APPROVED\"}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/" + reviewId + "/complete",
                                approver("FC"),
                                null,
                                "{\"decision\":\"MAYBE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/" + reviewId + "/claim",
                                approver("FC"),
                                null,
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/" + reviewId + "/complete",
                                approver("FC"),
                                null,
                                "{\"decision\":\"APPROVED\",\"comment\":\"材料齐全\"}")
                        .status())
                .isEqualTo(204);

        // the five components register in parallel; the licence brings the credit code
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(caseOf(caseNumber).path("status").asText()).isEqualTo("APPROVED"));
        JsonNode approved = caseOf(caseNumber);
        assertThat(approved.path("results").path("uscc").asText()).isEqualTo(ISSUED_USCC);
        assertThat(approved.path("steps").findValuesAsText("step"))
                .containsExactlyInAnyOrder(
                        "business-licence",
                        "social-medical-insurance-registration",
                        "housing-provident-fund-registration",
                        "seal-engraving",
                        "tax-registration");
        assertThat(approved.path("steps").findValuesAsText("status")).containsOnly("DONE");
        for (String system : List.of("market-regulation", "social-security", "housing-fund", "e-seal", "tax")) {
            departments.verify(
                    1,
                    postRequestedFor(urlEqualTo("/" + system + "/registrations"))
                            .withRequestBody(matchingJsonPath(
                                    "$.caseNumber",
                                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(caseNumber))));
        }

        // 统一出件 at FC's window, then the walk-in applicant rates once at the window
        JsonNode delivery = taskOf(clerk("FC"), caseNumber, "deliver");
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/"
                                        + delivery.path("id").asText() + "/complete",
                                approver("FC"),
                                null,
                                "{\"channel\":\"WINDOW\"}")
                        .status())
                .as("an approver cannot deliver: delivery is the window's")
                .isEqualTo(403);
        assertThat(call(
                                port,
                                "POST",
                                "/api/v1/enterprise-opening/tasks/"
                                        + delivery.path("id").asText() + "/complete",
                                clerk("FC"),
                                null,
                                "{\"channel\":\"WINDOW\"}")
                        .status())
                .isEqualTo(204);
        assertThat(caseOf(caseNumber).path("status").asText()).isEqualTo("DELIVERED");
        String rating = "{\"score\":5,\"comment\":\"半天就拿到了执照\"}";
        assertThat(call(port, "POST", "/api/v1/cases/" + caseNumber + "/rating", clerk("FC"), null, rating)
                        .status())
                .isEqualTo(204);
        Reply again = call(port, "POST", "/api/v1/cases/" + caseNumber + "/rating", clerk("FC"), null, rating);
        assertThat(again.status()).as("一事一评: one rating per case").isEqualTo(409);

        // every event once, in the case's partition
        List<JsonNode> events = eventsOf(caseNumber, start, 11, Duration.ofSeconds(30));
        Map<String, Long> byType = events.stream()
                .collect(Collectors.groupingBy(e -> e.path("type").asText(), Collectors.counting()));
        assertThat(byType)
                .containsEntry("case.accepted", 1L)
                .containsEntry("case.step-completed", 6L)
                .containsEntry("enterprise.established", 1L)
                .containsEntry("case.decided", 1L)
                .containsEntry("case.delivered", 1L)
                .containsEntry("case.rated", 1L);
        assertThat(events.stream().map(e -> e.path("id").asText()).distinct().count())
                .isEqualTo(events.size());
        for (JsonNode event : events) {
            assertThat(EventSchemas.violations(event))
                    .as(
                            "%s against docs/events/%s.schema.json",
                            event, event.path("type").asText())
                    .isEmpty();
        }
        JsonNode accepted = events.stream()
                .filter(e -> e.path("type").asText().equals("case.accepted"))
                .findFirst()
                .orElseThrow();
        assertThat(accepted.path("traceparent").asText())
                .as("the event carries the trace of the request that caused it")
                .startsWith("00-" + traceId + "-");
        assertThat(accepted.path("data").path("applicant").path("idHash").asText())
                .as("a founder without a credit code is known by a hash of the identity number")
                .hasSize(64)
                .doesNotContain("370402199001011234");
        assertThat(accepted.toString()).doesNotContain("370402199001011234").doesNotContain("示例商贸");
        assertThat(accepted.path("data").path("department").asText()).isEqualTo("market-regulation");
        assertThat(accepted.path("data").path("service").asText()).isEqualTo("enterprise-opening");
        JsonNode established = events.stream()
                .filter(e -> e.path("type").asText().equals("enterprise.established"))
                .findFirst()
                .orElseThrow();
        assertThat(established.path("data").path("uscc").asText()).isEqualTo(ISSUED_USCC);
        assertThat(established.path("subject").asText()).isEqualTo(caseNumber);
    }

    @Test
    void aDepartmentSystemThatFailsMakesTheCaseWaitNotFail() {
        departments.stubFor(post(urlEqualTo("/tax/registrations"))
                .inScenario("tax down")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("still down"));
        departments.stubFor(post(urlEqualTo("/tax/registrations"))
                .inScenario("tax down")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withFixedDelay(6_000))
                .willSetStateTo("up"));
        departments.stubFor(post(urlEqualTo("/tax/registrations"))
                .inScenario("tax down")
                .whenScenarioStateIs("up")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"SW-1\"}")));

        String smart =
                bundleApplication("LC", "WINDOW").replace("\"data\":{", "\"data\":{\"standardisedRegistration\":true,");
        Reply receipt = apply(port, clerk("LC"), smart);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();
        Instant start = Instant.now().minusSeconds(1);

        // 智能审批 in LC: the licence is registered with no review task ever opened, while the case
        // is still in progress (tax is failing); a review task would have to exist before this
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(caseOf(caseNumber).path("steps").findValuesAsText("step"))
                        .contains("business-licence"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        departments.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo("/tax/registrations"))));
        assertThat(caseOf(caseNumber).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(call(port, "GET", "/api/v1/enterprise-opening/tasks", approver("LC"), null, null)
                        .body()
                        .findValuesAsText("caseNumber"))
                .as("smart approval opens no review task")
                .doesNotContain(caseNumber);

        // tax fails (500), then times out, then answers: the case waited and goes on
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() ->
                        assertThat(caseOf(caseNumber).path("status").asText()).isEqualTo("APPROVED"));
        departments.verify(3, postRequestedFor(urlEqualTo("/tax/registrations")));
        // each retried job may run the step again; the case records it done once, on Kafka too
        List<JsonNode> completed = eventsOf(caseNumber, start, 6, Duration.ofSeconds(20)).stream()
                .filter(e -> e.path("type").asText().equals("case.step-completed"))
                .toList();
        assertThat(completed.stream().map(e -> e.path("data").path("step").asText()))
                .as("no review step; every component completed exactly once")
                .containsExactlyInAnyOrder(
                        "business-licence",
                        "seal-engraving",
                        "tax-registration",
                        "social-medical-insurance-registration");
        JsonNode tax = caseOf(caseNumber).path("steps").findParents("step").stream()
                .filter(step -> step.path("step").asText().equals("tax-registration"))
                .findFirst()
                .orElseThrow();
        assertThat(tax.path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void eachJurisdictionPromisesItsOwnLimit() {
        JsonNode fc =
                apply(port, clerk("FC"), bundleApplication("FC", "WINDOW")).body();
        JsonNode lc =
                apply(port, clerk("LC"), bundleApplication("LC", "WINDOW")).body();
        JsonNode qx =
                apply(port, clerk("QX"), bundleApplication("QX", "WINDOW")).body();
        assertThat(OffsetDateTime.parse(lc.path("promisedDueAt").asText()))
                .as("LC promises two working hours, FC half a working day")
                .isBefore(OffsetDateTime.parse(fc.path("promisedDueAt").asText()));
        assertThat(qx.path("caseNumber").asText()).startsWith("QX-EO-");
        assertThat(qx.has("promisedDueAt"))
                .as("QX states no limit for the whole bundle")
                .isFalse();
        assertThat(qx.path("stepPromises").findValuesAsText("step")).containsExactly("business-licence");
        assertThat(OffsetDateTime.parse(
                        qx.path("stepPromises").get(0).path("dueAt").asText()))
                .as("QX promises the licence within one working day")
                .isAfter(OffsetDateTime.parse(qx.path("acceptedAt").asText()));
    }

    private JsonNode caseOf(String caseNumber) {
        String jurisdiction = caseNumber.substring(0, 2);
        Reply reply = call(port, "GET", "/api/v1/cases/" + caseNumber, clerk(jurisdiction), null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode taskOf(String token, String caseNumber, String activity) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            for (JsonNode task : call(
                                            port, "GET", "/api/v1/enterprise-opening/tasks", token, null, null)
                                    .body()) {
                                if (task.path("caseNumber").asText().equals(caseNumber)
                                        && task.path("activity").asText().equals(activity)) {
                                    return task;
                                }
                            }
                            return null;
                        },
                        java.util.Objects::nonNull);
    }
}
