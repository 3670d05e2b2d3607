package org.onewindow.enterpriseopening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.SERVICE;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.ProcessHarness;
import org.onewindow.testkit.WithDepartmentSystems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * EO-1 with 智能审批 in LC, one engine step at a time, with the service's real beans: the test
 * decides when the asynchronous registrations run (the job executor is off) and looks at the case
 * between them, as a person tracking it would.
 */
@CaseServiceTest(database = "eo_steps", properties = "camunda.bpm.job-execution.enabled=false")
class StepByStepTest extends WithDepartmentSystems {

    static final String ISSUED_USCC = "91371500MA3C7E8X0B";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void marketRegulationIssuesTheLicence() {
        departments.stubFor(post(urlEqualTo("/market-regulation/registrations"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\":\"YYZZ-9\",\"uscc\":\"" + ISSUED_USCC + "\"}")));
    }

    @Test
    void theLicenceComesFirstThenTheOtherComponentsThenTheWindow() {
        CaseServiceClient service = new CaseServiceClient(port, SERVICE);
        ProcessHarness process = new ProcessHarness(engine);
        String smart =
                bundleApplication("LC", "WINDOW").replace("\"data\":{", "\"data\":{\"standardisedRegistration\":true,");
        Reply receipt = service.apply(clerk("LC"), smart);
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();

        assertThat(process.waitingAt(caseNumber))
                .as("智能审批: no review, the licence registration is the first job")
                .containsExactly("register-licence");
        assertThat(caseOf(service, caseNumber).path("steps")).isEmpty();

        assertThat(process.runJobs(caseNumber, 1)).isEqualTo(1);
        JsonNode licensed = caseOf(service, caseNumber);
        assertThat(licensed.path("results").path("uscc").asText()).isEqualTo(ISSUED_USCC);
        assertThat(licensed.path("steps").findValuesAsText("step")).containsExactly("business-licence");
        assertThat(licensed.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(process.waitingAt(caseNumber)).contains("register-component");

        assertThat(process.runJobs(caseNumber, 10))
                .as("LC's three other components, one job each")
                .isEqualTo(3);
        JsonNode approved = caseOf(service, caseNumber);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("steps").findValuesAsText("status")).hasSize(4).containsOnly("DONE");
        assertThat(process.waitingAt(caseNumber)).containsExactly("deliver");
    }

    private static JsonNode caseOf(CaseServiceClient service, String caseNumber) {
        Reply reply = service.read(clerk("LC"), caseNumber);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
