package org.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The three public read endpoints, for all four jurisdictions, without a login; bad input is a 4xx problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicGuideTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"FC", "ST", "LC", "QX"})
    void theCatalogueOfEveryJurisdictionIsPublic(String jurisdiction) throws Exception {
        JsonNode list = ok("/api/v1/catalogue/" + jurisdiction + "/matters");
        assertThat(list.path("jurisdiction").asText()).isEqualTo(jurisdiction);
        assertThat(list.path("catalogueVersion").asText()).isEqualTo("2026.1");
        assertThat(list.path("count").asInt())
                .isGreaterThan(30)
                .isEqualTo(list.path("matters").size());

        JsonNode bundle = ok("/api/v1/catalogue/" + jurisdiction + "/matters/EO-1");
        assertThat(bundle.path("code").asText()).isEqualTo("EO-1");
        assertThat(bundle.path("name").path("zh").asText()).isNotBlank();
        assertThat(bundle.path("materials").size()).isPositive();

        JsonNode due = ok(
                "/api/v1/catalogue/" + jurisdiction + "/matters/EO-1/due-date?acceptedAt=2026-06-01T10:00:00%2B08:00");
        assertThat(due.path("acceptedAt").asText()).isEqualTo("2026-06-01T10:00:00+08:00");
        assertThat(due.path("calendarKnown").asBoolean()).isTrue();

        JsonNode raw = ok("/api/v1/calendar/" + jurisdiction
                + "/due?from=2025-09-30T10:00:00%2B08:00&amount=1&unit=WORKING_DAYS");
        assertThat(raw.path("dueAt").asText()).isEqualTo("2025-10-09T17:30:00+08:00");
        assertThat(raw.path("calendarKnown").asBoolean()).isTrue();
    }

    @Test
    void theBundlePromiseDiffersPerJurisdiction() throws Exception {
        // accepted Tuesday 2026-06-02 at 10:00 (Beijing time)
        String at = "?acceptedAt=2026-06-02T10:00:00%2B08:00";
        assertThat(ok("/api/v1/catalogue/FC/matters/EO-1/due-date" + at)
                        .path("dueAt")
                        .asText())
                .as("FC: 0.5 working day = 3.5 working hours")
                .isEqualTo("2026-06-02T15:00:00+08:00");
        assertThat(ok("/api/v1/catalogue/LC/matters/EO-1/due-date" + at)
                        .path("dueAt")
                        .asText())
                .as("LC: two working hours")
                .isEqualTo("2026-06-02T12:00:00+08:00");
        JsonNode qx = ok("/api/v1/catalogue/QX/matters/EO-1/due-date" + at);
        assertThat(qx.path("limitStated").asBoolean())
                .as("QX: no bundle promise (A-3)")
                .isFalse();
        assertThat(qx.path("steps").get(0).path("dueAt").asText())
                .as("QX: the licence in one working day")
                .isEqualTo("2026-06-03T17:30:00+08:00");
    }

    @ParameterizedTest
    @CsvSource({
        "2025-09-30T10:00:00%2B08:00, 3, NATURAL_DAYS, 2025-10-09T17:30:00+08:00",
        "2026-02-13T17:00:00%2B08:00, 2, HOURS, 2026-02-14T10:30:00+08:00",
        "2026-02-12T09:00, 20, WORKING_DAYS, 2026-03-18T17:30:00+08:00",
        "2026-02-13T02:00:00Z, 0, IMMEDIATE, 2026-02-13T17:30:00+08:00",
        "2026-02-13T10:00:00Z, 0, IMMEDIATE, 2026-02-14T17:30:00+08:00"
    })
    void theRawClockCountsAsTheLawSays(String from, String amount, String unit, String dueAt) throws Exception {
        JsonNode due = ok("/api/v1/calendar/FC/due?from=" + from + "&amount=" + amount + "&unit=" + unit);
        assertThat(due.path("dueAt").asText()).isEqualTo(dueAt);
    }

    @Test
    void aYearWithoutAPublishedCalendarIsReportedAsUnknown() throws Exception {
        JsonNode due = ok("/api/v1/calendar/LC/due?from=2026-12-20T10:00:00%2B08:00&amount=20&unit=WORKING_DAYS");
        assertThat(due.path("calendarKnown").asBoolean()).isFalse();
        assertThat(due.path("unknownYears").get(0).asInt()).isEqualTo(2027);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "/api/v1/catalogue/XX/matters, 404, jurisdiction.unknown",
        "/api/v1/catalogue/F1/matters, 400, request.invalid",
        "/api/v1/catalogue/FC/matters/EO-99, 404, matter.unknown",
        "/api/v1/catalogue/ZZ/matters/EO-1, 404, jurisdiction.unknown",
        "/api/v1/catalogue/FC/matters?service=bakery, 400, request.invalid",
        "/api/v1/catalogue/FC/matters?on=yesterday, 400, request.invalid",
        "/api/v1/catalogue/FC/matters/EO-1/due-date?acceptedAt=tomorrow, 400, request.invalid",
        "/api/v1/catalogue/FC/matters/EO-1/due-date?acceptedAt=2026-13-01T10:00, 400, request.invalid",
        "/api/v1/catalogue/XX/matters/EO-1/due-date?acceptedAt=2026-06-01T10:00, 404, jurisdiction.unknown",
        "/api/v1/catalogue/FC/matters/NOPE/due-date?acceptedAt=2026-06-01T10:00, 404, matter.unknown",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&amount=-1&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&amount=abc&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&amount=1.5&unit=NATURAL_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&amount=0&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&amount=99999&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&amount=1&unit=FORTNIGHTS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=2026-06-01T10:00&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?from=not-a-date&amount=1&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/FC/due?amount=1&unit=WORKING_DAYS, 400, request.invalid",
        "/api/v1/calendar/XX/due?from=2026-06-01T10:00&amount=1&unit=WORKING_DAYS, 404, jurisdiction.unknown",
        "/api/v1/nothing-here, 401, auth.required"
    })
    void badInputGetsAProblemThatSaysWhy(String path, int status, String code) throws Exception {
        ResponseEntity<String> response = get(path);
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("detailZh").asText()).isNotBlank();
        if (!code.equals("request.invalid") && !code.equals("auth.required")) {
            assertThat(problem.path("code").asText()).isEqualTo(code);
        }
        if (status == 400) {
            assertThat(problem.path("errors").size())
                    .as("the field and its reason")
                    .isPositive();
            assertThat(problem.path("errors").get(0).path("zh").asText()).isNotBlank();
        }
    }

    @Test
    void whichMatterDoINeedFollowsTheCatalogueConditionsPerJurisdiction() throws Exception {
        String st = "/api/v1/catalogue/ST/matter-selection?service=utility-hookup&family=UT-E&voltage=LOW"
                + "&lineLengthM=200&externalWorks=true&threeZeroService=true&interestedThirdParty=false&capacityKw=";
        JsonNode exempt = ok(st + "160");
        assertThat(exempt.path("recommended").asText()).isEqualTo("UT-E7");
        assertThat(exempt.path("answerZh").asText()).contains("UT-E7");
        assertThat(exempt.path("inputs").path("capacityKw").asInt()).isEqualTo(160);
        assertThat(ok(st + "161").path("recommended").asText()).isEqualTo("UT-E2");

        JsonNode fc = ok("/api/v1/catalogue/FC/matter-selection?family=UT-W&externalWorks=true&pipeLengthM=151");
        assertThat(fc.path("recommended").asText()).isEqualTo("UT-W2b");
        assertThat(fc.path("fits").get(0).path("met").findValuesAsText("condition"))
                .contains("管线长度 > 150 m");

        JsonNode none = ok("/api/v1/catalogue/QX/matter-selection?family=UT-W&directConnection=true&pipeLengthM=21");
        assertThat(none.has("recommended")).as("no default").isFalse();
        assertThat(none.path("fits")).isEmpty();
        JsonNode miss = none.path("outOfRange").get(0);
        assertThat(miss.path("code").asText()).isEqualTo("UT-W1");
        assertThat(miss.path("notMet").get(0).path("condition").asText()).isEqualTo("管线长度 ≤ 20 m");
        assertThat(miss.path("notMet").get(0).path("given").asInt()).isEqualTo(21);
        assertThat(none.path("open").get(0).path("code").asText()).isEqualTo("UT-W2a");
        assertThat(none.path("answerZh").asText())
                .isEqualTo("没有适用的事项：UT-W1 要求管线长度 ≤ 20 m（申请为 21）。补充以下条件后可能适用：UT-W2a 需填写是否涉及外线工程");
    }

    @Test
    void aSelectionInputThatIsNotOneOrNotTypedRightIsNamed() throws Exception {
        ResponseEntity<String> response =
                get("/api/v1/catalogue/LC/matter-selection?capacityKw=lots&externalWorks=maybe&colour=red");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("capacityKw", "externalWorks", "colour");
        assertThat(problem.path("errors").findValuesAsText("zh")).contains("用电容量应为数字（kW），收到：lots");
    }

    private JsonNode ok(String path) throws Exception {
        ResponseEntity<String> response = get(path);
        assertThat(response.getStatusCode().value())
                .as(path + " -> " + response.getBody())
                .isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> get(String path) {
        return RestClient.builder()
                // the JDK client: Apache HttpClient (on the classpath for the proxy) would retry a 503 itself
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build()
                .get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                .retrieve()
                .toEntity(String.class);
    }
}
