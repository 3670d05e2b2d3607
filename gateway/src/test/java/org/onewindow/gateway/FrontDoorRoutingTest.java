package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** 一窗受理: one front door, each application and case sent to the back office that owns it. */
@AutoConfigureObservability
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.tracing.sampling.probability=1.0")
class FrontDoorRoutingTest extends BehindTheFrontDoor {

    static final String FC_CASE =
            new CaseNumber("FC", OwningService.ENTERPRISE_OPENING, LocalDate.of(2026, 11, 22), 42).toString();
    static final String APPLICATION =
            """
            {"jurisdiction":"FC","matterCode":"EO-1","channel":"WINDOW",
             "applicant":{"type":"ENTERPRISE","name":"峰城示例有限公司"},"materials":[],"data":{}}""";

    @Value("${onewindow.gateway.open-for}")
    private Duration openFor;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void backOffice() {
        enterpriseOpening.stubFor(WireMock.post("/api/v1/applications")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"caseNumber\":\"" + FC_CASE + "\",\"outcome\":\"ACCEPTED\"}")));
        enterpriseOpening.stubFor(WireMock.get("/api/v1/cases/" + FC_CASE)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CASE_VIEW)));
    }

    /**
     * The case as enterprise-opening answers it (docs/api.md): its own status values
     * (IN_PROGRESS, APPROVED, DENIED, DELIVERED, WITHDRAWN) and 物流式 steps. The gateway owns none of
     * it and must hand it on untouched.
     */
    static final String CASE_VIEW =
            """
            {"caseNumber":"%s","jurisdiction":"FC","matterCode":"EO-1","catalogueVersion":"2026.1",
             "channel":"WINDOW","status":"IN_PROGRESS","outcome":"ACCEPTED","applicantName":"峰城示例有限公司",
             "acceptedAt":"2026-11-22T10:00:00+08:00","dueAt":"2026-11-22T15:00:00+08:00",
             "wholeProcessDueAt":"2026-11-22T15:00:00+08:00","calendarKnown":true,"suspended":false,
             "owedMaterials":[],"steps":[
              {"step":"business-licence","status":"DONE","startedAt":"2026-11-22T10:00:00+08:00",
               "completedAt":"2026-11-22T10:20:00+08:00"},
              {"step":"seal-engraving","status":"IN_PROGRESS","startedAt":"2026-11-22T10:20:00+08:00"}]}"""
                    .formatted(FC_CASE);

    @Test
    void anApplicationGoesToTheServiceThatOwnsItsMatterWithTokenBodyRequestIdAndTrace() {
        ResponseEntity<String> response = post(APPLICATION, TestTokens.clerk("FC"), "req-0001-window-3");

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody()).contains(FC_CASE);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-0001-window-3");
        enterpriseOpening.verify(postRequestedFor(urlEqualTo("/api/v1/applications"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withHeader("Idempotency-Key", equalTo("key-1"))
                .withHeader("X-Request-Id", equalTo("req-0001-window-3"))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"))
                .withRequestBody(equalToJson(APPLICATION)));
    }

    @Test
    void theCallersTraceContinuesIntoTheBackOffice() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = client().post()
                .uri("/api/v1/applications")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + TestTokens.clerk("FC"))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(APPLICATION)
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        enterpriseOpening.verify(postRequestedFor(urlEqualTo("/api/v1/applications"))
                .withHeader("traceparent", matching("00-" + trace + "-[0-9a-f]{16}-01")));
    }

    @Test
    void aRequestWithoutAnIdGetsOne() {
        ResponseEntity<String> response = post(APPLICATION, TestTokens.clerk("FC"), null);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aCaseGoesToTheServiceItsNumberNamesAndComesBackAsTheServiceWroteIt() throws Exception {
        ResponseEntity<String> response = call("GET", "/api/v1/cases/" + FC_CASE, null, TestTokens.clerk("FC"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(json.readTree(response.getBody())).isEqualTo(json.readTree(CASE_VIEW));
        assertThat(json.readTree(response.getBody()).path("status").asText())
                .isIn("IN_PROGRESS", "APPROVED", "DENIED", "DELIVERED", "WITHDRAWN");
        enterpriseOpening.verify(getRequestedFor(urlEqualTo("/api/v1/cases/" + FC_CASE))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void aCaseTheBackOfficeWillNotShowIsItsOwn404Problem() throws Exception {
        String hidden =
                new CaseNumber("FC", OwningService.ENTERPRISE_OPENING, LocalDate.of(2026, 11, 22), 43).toString();
        String problem =
                """
                {"type":"https://onewindow.example/problems/case.unknown","title":"Not Found","status":404,
                 "detail":"no case %1$s that you may see","code":"case.unknown","detailZh":"未找到办件 %1$s，或您无权查看",
                 "errors":[{"field":"caseNumber","code":"case.unknown","zh":"未找到办件 %1$s，或您无权查看",
                            "en":"no case %1$s that you may see"}]}"""
                        .formatted(hidden);
        enterpriseOpening.stubFor(WireMock.get("/api/v1/cases/" + hidden)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        ResponseEntity<String> response = call("GET", "/api/v1/cases/" + hidden, null, TestTokens.clerk("FC"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(problem(response)).isEqualTo(json.readTree(problem));
    }

    @Test
    void withoutATokenNothingIsForwarded() {
        ResponseEntity<String> response = post(APPLICATION, null, null);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(enterpriseOpening.findAll(postRequestedFor(urlEqualTo("/api/v1/applications"))))
                .isEmpty();
    }

    @Test
    void aMatterWhoseBackOfficeIsDownIsA503NotALoss() throws Exception {
        // utility-hookup points at a port nobody listens on (BehindTheFrontDoor)
        ResponseEntity<String> response =
                post("{\"jurisdiction\":\"FC\",\"matterCode\":\"UT-E1\"}", TestTokens.clerk("FC"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(problem(response).path("code").asText()).isEqualTo("back-office.unavailable");
        assertThat(problem(response).path("detailZh").asText()).contains("utility-hookup");
    }

    @Test
    void anUnknownMatterIsNamed() throws Exception {
        ResponseEntity<String> response =
                post("{\"jurisdiction\":\"FC\",\"matterCode\":\"EO-99\"}", TestTokens.clerk("FC"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(problem(response).path("code").asText()).isEqualTo("matter.unknown");
    }

    @Test
    void anUnknownJurisdictionIsNamed() throws Exception {
        ResponseEntity<String> response =
                post("{\"jurisdiction\":\"XX\",\"matterCode\":\"EO-1\"}", TestTokens.clerk("FC"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(problem(response).path("code").asText()).isEqualTo("jurisdiction.unknown");
    }

    @Test
    void anApplicationWithoutJurisdictionAndMatterListsBoth() throws Exception {
        ResponseEntity<String> response = post("{\"channel\":\"WINDOW\"}", TestTokens.clerk("FC"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(problem(response).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("jurisdiction", "matterCode");
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        ResponseEntity<String> response = post("{\"jurisdiction\":", TestTokens.clerk("FC"), null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(problem(response).path("errors")).as(response.getBody()).isNotEmpty();
        assertThat(problem(response).path("errors").get(0).path("code").asText())
                .isEqualTo("request.malformed");
    }

    @Test
    void aMistypedCaseNumberIsCaughtAtTheDoor() throws Exception {
        String mistyped = FC_CASE.substring(0, FC_CASE.length() - 3) + "9" + FC_CASE.substring(FC_CASE.length() - 2);
        ResponseEntity<String> response = call("GET", "/api/v1/cases/" + mistyped, null, TestTokens.clerk("FC"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(problem(response).path("code").asText()).isEqualTo("case-number.invalid");
    }

    @Test
    void aCaseOfAServiceNotYetConnectedIsA503() throws Exception {
        String supervisionCase =
                new CaseNumber("FC", OwningService.SUPERVISION, LocalDate.of(2026, 11, 22), 7).toString();
        ResponseEntity<String> response = call("GET", "/api/v1/cases/" + supervisionCase, null, TestTokens.clerk("FC"));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After"))
                .as("onewindow.gateway.open-for")
                .isEqualTo(String.valueOf(openFor.toSeconds()));
        assertThat(problem(response).path("code").asText()).isEqualTo("back-office.not-deployed");
    }

    private JsonNode problem(ResponseEntity<String> response) throws Exception {
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String body, String token, String requestId) {
        var request = client().post()
                .uri("/api/v1/applications")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> call(String method, String path, String body, String token) {
        var request = client().method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private RestClient client() {
        return RestClient.builder()
                // the JDK client: Apache HttpClient (on the classpath for the proxy) would retry a 503 itself
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build();
    }
}
