package org.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** GET /api/v1/me: the caller as the front door reads them from the token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallerTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void aClerkIsReadWithRoleJurisdictionAndDepartment() throws Exception {
        ResponseEntity<String> response = me(TestTokens.clerk("LC"));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode me = json.readTree(response.getBody());
        assertThat(me.path("username").asText()).isEqualTo("lc-clerk");
        assertThat(me.path("principalRole").asText()).isEqualTo("CLERK");
        assertThat(me.path("jurisdiction").asText()).isEqualTo("LC");
        assertThat(me.path("department").asText()).isEqualTo("service-centre");
        assertThat(me.hasNonNull("uscc")).isFalse();
    }

    @Test
    void anEnterpriseApplicantCarriesItsCreditCode() throws Exception {
        String token = TestTokens.issue("fc-applicant", List.of("applicant"), null, null, "91110105MA01FC010D");
        JsonNode me = json.readTree(me(token).getBody());
        assertThat(me.path("roles").toString()).isEqualTo("[\"APPLICANT\"]");
        assertThat(me.path("uscc").asText()).isEqualTo("91110105MA01FC010D");
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        ResponseEntity<String> response = me(null);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aForeignRealmsTokenIsRefused() {
        assertThat(me(TestTokens.fromIssuer("http://elsewhere/realms/other", "FC"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    private ResponseEntity<String> me(String token) {
        return RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/api/v1/me")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> {})
                .toEntity(String.class);
    }
}
