package org.onewindow.utilityhookup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.MovableClock;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Connections on a real PostgreSQL, Kafka broker and Camunda engine, the utility companies' systems
 * in WireMock: each jurisdiction's limits for the same request, the steps worked by the company and
 * the approving departments, a pause for time the utility cannot control, the exempt way and its
 * information push, FC's water connected at once, and the company's system failing and recovering.
 */
@CaseServiceTest(
        database = "ut_connection",
        properties = {
            "onewindow.sla.scan-every=1h",
            "onewindow.case.retry-cycle=R5/PT1S",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
@Import(MovableClock.class)
class ConnectionTest extends UtilityServiceTest {

    static final Map<String, Object> LOW_100_KW_WITH_WORKS =
            Map.of("voltage", "LOW", "capacityKw", 100, "externalWorks", true, "transformerUpgrade", false);

    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "utility-hookup");
        MovableClock.set("2026-11-24T10:00"); // a Tuesday
    }

    private String accepted(String jurisdiction, String matter, Map<String, Object> data) {
        Reply receipt = client.apply(clerk(jurisdiction), application(jurisdiction, matter, data));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        return receipt.body().path("caseNumber").asText();
    }

    @Test
    void theSameRequestGetsLcsAndQxsOwnLimitsAndSteps() {
        String lc = accepted("LC", "UT-E2", LOW_100_KW_WITH_WORKS);
        String qx = accepted("QX", "UT-E2", LOW_100_KW_WITH_WORKS);

        // both promise 7 WD with works; LC alone excludes the customer's own works and runs the
        // departments' parallel approval on its own 5 WD clock (D-LC-09, D-LC-14)
        List<String> approvers = List.of("planning", "urban-management", "landscaping");
        for (String department : approvers) {
            awaitTask(staffOf(department, "LC"), lc, "works-approval");
        }
        JsonNode lcFile = file(lc, "LC");
        assertThat(clock(lcFile, "APPROVAL").path("limit").asText()).isEqualTo("7 WORKING_DAYS");
        assertThat(clock(lcFile, "STEP:external-works-approval").path("limit").asText())
                .isEqualTo("5 WORKING_DAYS");
        JsonNode qxFile = file(qx, "QX");
        assertThat(clock(qxFile, "APPROVAL").path("limit").asText()).isEqualTo("7 WORKING_DAYS");
        assertThat(qxFile.path("clocks").findValuesAsText("clock")).doesNotContain("STEP:external-works-approval");

        // without works: LC 3 WD, QX 2 WD from the same moment
        Map<String, Object> noWorks = Map.of(
                "voltage",
                "LOW",
                "capacityKw",
                100,
                "externalWorks",
                false,
                "directConnection",
                false,
                "transformerUpgrade",
                false);
        Reply lcNoWorks = client.apply(clerk("LC"), application("LC", "UT-E1", noWorks));
        Reply qxNoWorks = client.apply(clerk("QX"), application("QX", "UT-E1", noWorks));
        OffsetDateTime lcDue =
                OffsetDateTime.parse(lcNoWorks.body().path("promisedDueAt").asText());
        OffsetDateTime qxDue =
                OffsetDateTime.parse(qxNoWorks.body().path("promisedDueAt").asText());
        assertThat(lcDue.toLocalDate()).isEqualTo(qxDue.toLocalDate().plusDays(1));

        // LC works its four steps: the approvals, the works, the connection, then the window delivers
        for (String department : approvers) {
            complete(staffOf(department, "LC"), lc, "works-approval");
        }
        String power = staffOf("power-supply", "LC");
        complete(power, lc, "external-works");
        complete(power, lc, "connection");
        complete(clerk("LC"), lc, "deliver");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(file(lc, "LC").path("status").asText()));
        assertThat(clock(file(lc, "LC"), "STEP:external-works-approval")
                        .path("running")
                        .asBoolean())
                .isFalse();
        departments.verify(postRequestedFor(urlPathEqualTo("/state-grid/registrations")));
    }

    @Test
    void aQxGasCasePausesForUncontrollableWorksAndItsDueDateMovesByExactlyThat() {
        String cn = accepted("QX", "UT-G1b", Map.of("externalWorks", true, "pipeLengthM", 150));
        String gas = staffOf("gas-supply", "QX");
        complete(gas, cn, "scheme-reply");
        awaitTask(gas, cn, "external-works"); // within 200 m the approval was a filing, at once
        OffsetDateTime before =
                OffsetDateTime.parse(file(cn, "QX").path("dueAt").asText());

        MovableClock.set("2026-11-25T10:00");
        Reply paused = client.call(
                "POST",
                "/api/v1/cases/" + cn + "/suspension",
                gas,
                null,
                "{\"reason\":\"UNCONTROLLABLE_WORKS\",\"note\":\"市政道路施工，燃气外线无法开挖\"}");
        assertThat(paused.status()).as(String.valueOf(paused.body())).isEqualTo(204);
        assertThat(clock(file(cn, "QX"), "APPROVAL").path("pausedFor").asText()).isEqualTo("UNCONTROLLABLE_WORKS");

        MovableClock.set("2026-11-26T10:00"); // one working day later
        assertThat(client.call("POST", "/api/v1/cases/" + cn + "/resumption", gas, null, null)
                        .status())
                .isEqualTo(204);
        OffsetDateTime after = OffsetDateTime.parse(file(cn, "QX").path("dueAt").asText());
        assertThat(after).isEqualTo(before.plusDays(1));

        // LC's electricity excludes only the customer's own works: no pause for the utility's time
        String lc = accepted("LC", "UT-E2", LOW_100_KW_WITH_WORKS);
        Reply refused = client.call(
                "POST",
                "/api/v1/cases/" + lc + "/suspension",
                staffOf("power-supply", "LC"),
                null,
                "{\"reason\":\"UNCONTROLLABLE_WORKS\"}");
        assertThat(refused.status()).isIn(409, 422);
    }

    @Test
    void stUpToOneSixtyKilowattsGoesTheExemptWayAndPushesTheWorksDataAfterConnection() {
        Map<String, Object> exempt = new java.util.HashMap<>(Map.of(
                "voltage",
                "LOW",
                "capacityKw",
                160,
                "lineLengthM",
                200,
                "externalWorks",
                true,
                "threeZeroService",
                true,
                "interestedThirdParty",
                false));
        String cn = accepted("ST", "UT-E7", exempt);
        String power = staffOf("power-supply", "ST");
        complete(power, cn, "external-works"); // no scheme at low voltage, no approval at all
        complete(power, cn, "connection");
        awaitTask(clerk("ST"), cn, "deliver");
        departments.verify(postRequestedFor(urlPathEqualTo("/approval-platform/registrations")));
        JsonNode push = clock(file(cn, "ST"), "STEP:supplier-information-push");
        assertThat(push.path("limit").asText()).isEqualTo("3 MONTHS");
        assertThat(push.path("running").asBoolean()).isFalse();

        exempt.put("capacityKw", 161);
        Reply over = client.apply(clerk("ST"), application("ST", "UT-E7", exempt));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body().toString()).contains("用电容量 ≤ 160 kW");
    }

    @Test
    void fcWaterWithoutExternalWorksIsConnectedAtOnce() {
        Reply receipt = client.apply(clerk("FC"), application("FC", "UT-W1", Map.of("externalWorks", false)));

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String cn = receipt.body().path("caseNumber").asText();
        JsonNode file = file(cn, "FC");
        assertThat(file.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(file.path("results").path("connectedOn").asText()).isEqualTo("2026-11-24");
    }

    @Test
    void theCompanysSystemDownLeavesTheCaseWaitingAndItGoesOnWhenTheSystemIsBack() {
        departments.stubFor(post(urlPathEqualTo("/state-grid/registrations"))
                .inScenario("state grid down")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        departments.stubFor(post(urlPathEqualTo("/state-grid/registrations"))
                .inScenario("state grid down")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("back"));
        departments.stubFor(post(urlPathEqualTo("/state-grid/registrations"))
                .inScenario("state grid down")
                .whenScenarioStateIs("back")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"SGCC-2026-0001\"}")));

        String cn = accepted(
                "LC",
                "UT-E1",
                Map.of(
                        "voltage",
                        "LOW",
                        "externalWorks",
                        false,
                        "directConnection",
                        false,
                        "transformerUpgrade",
                        false));

        awaitTask(staffOf("power-supply", "LC"), cn, "connection");
        List<String> calls = new ArrayList<>();
        departments.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/state-grid/registrations"))
                .forEach(e -> calls.add(String.valueOf(e.getResponse().getStatus())));
        assertThat(calls).containsExactlyInAnyOrder("503", "503", "200");
        JsonNode steps = file(cn, "LC").path("steps");
        assertThat(steps.toString()).contains("power-supply");
    }
}
