package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Swagger UI at the front door: every API description loads without a token (public
 * documentation, like health), and "Authorize" goes to the realm with PKCE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsTest extends BehindTheFrontDoor {

    /** What a service's springdoc answers on /v3/api-docs (shortened). */
    static final String SERVICE_API =
            """
            {"openapi":"3.1.0","info":{"title":"OpenAPI definition","version":"v0"},"servers":[{"url":"/"}],
             "paths":{"/api/v1/cases/{caseNumber}":{"get":{"operationId":"read","responses":{"200":{"description":"OK"}}}}}}""";

    @Autowired
    ObjectMapper json;

    @Test
    void aServicesApiDescriptionLoadsThroughTheGatewayWithoutAToken() throws Exception {
        enterpriseOpening.stubFor(WireMock.get("/v3/api-docs")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(SERVICE_API)));

        ResponseEntity<String> response = get("/api-docs/enterprise-opening");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(json.readTree(response.getBody())).isEqualTo(json.readTree(SERVICE_API));
        enterpriseOpening.verify(getRequestedFor(urlEqualTo("/v3/api-docs")).withoutHeader("Authorization"));
    }

    @Test
    void theGatewaysOwnApiDescriptionIsPublicAndOffersTheRealmsLogin() throws Exception {
        ResponseEntity<String> response = get("/v3/api-docs");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode api = json.readTree(response.getBody());
        assertThat(api.at("/paths/~1api~1v1~1catalogue~1{jurisdiction}~1matters")
                        .isObject())
                .isTrue();
        assertThat(api.at("/components/securitySchemes/keycloak/flows/authorizationCode/authorizationUrl")
                        .asText())
                .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/auth");
        assertThat(api.at("/servers/0/url").asText()).isEqualTo("/");
        // the caller comes from the token, never from a parameter (a typed client would demand one)
        assertThat(api.at("/paths/~1api~1v1~1me/get/parameters").isMissingNode())
                .as(api.at("/paths/~1api~1v1~1me/get").toString())
                .isTrue();
    }

    @Test
    void swaggerUiListsEveryServiceAndAuthorizesWithThePublicClientAndPkce() throws Exception {
        ResponseEntity<String> page = get("/swagger-ui.html");
        assertThat(page.getStatusCode().is2xxSuccessful()
                        || page.getStatusCode().is3xxRedirection())
                .as(page.getStatusCode().toString())
                .isTrue();

        JsonNode config = json.readTree(get("/v3/api-docs/swagger-config").getBody());
        assertThat(config.path("urls").findValuesAsText("url"))
                .contains("/v3/api-docs", "/api-docs/enterprise-opening");
        assertThat(config.path("oauth2RedirectUrl").asText()).endsWith("/swagger-ui/oauth2-redirect.html");

        String initializer = get("/swagger-ui/swagger-initializer.js").getBody();
        assertThat(initializer).contains("initOAuth(");
        String options = initializer.substring(initializer.indexOf("initOAuth(") + "initOAuth(".length());
        JsonNode oauth = json.readTree(options.substring(0, options.indexOf(')')));
        assertThat(oauth.path("clientId").asText()).isEqualTo("onewindow-web");
        assertThat(oauth.path("usePkceWithAuthorizationCodeGrant").asBoolean()).isTrue();
    }

    private ResponseEntity<String> get(String path) {
        return RestClient.builder()
                // the JDK client: Apache HttpClient (on the classpath for the proxy) would retry a 503 itself
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build()
                .get()
                .uri(path)
                .retrieve()
                .toEntity(String.class);
    }
}
