package org.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The web console at the front door: its page at {@code /} and at its own addresses (a reloaded
 * {@code /clerk/...}), its assets and login settings without a token; the API still needs one, and
 * an address that is neither the console's nor public still answers 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleTest {

    // no back office: the console's files are the gateway's own (and the context is CallerTest's)
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/clerk", "/clerk/receipt/FC-EO-20261122-000042-C", "/approver", "/admin/x/y"})
    void theConsolesPageIsServedWithoutATokenAtItsOwnAddresses(String path) throws IOException {
        String index = builtIndex();

        ResponseEntity<String> page = get(path, null);

        assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType()).isNotNull();
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(page.getBody()).isEqualTo(index).contains("<div id=\"app\"></div>");
    }

    @Test
    void theConsolesScriptsAreServedWithoutATokenAndCachedForGood() throws IOException {
        String index = builtIndex();
        String script = index.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertThat(script).startsWith("/assets/");

        ResponseEntity<String> asset = get(script, null);

        assertThat(asset.getStatusCode().value()).isEqualTo(200);
        assertThat(asset.getHeaders().getCacheControl())
                .contains("max-age=31536000")
                .contains("immutable");
    }

    @Test
    void theLoginSettingsArePublic() throws IOException {
        ResponseEntity<String> config = get("/api/v1/console/config", null);

        assertThat(config.getStatusCode().value()).isEqualTo(200);
        JsonNode body = json.readTree(config.getBody());
        assertThat(body.path("issuer").asText()).isEqualTo(TestTokens.ISSUER);
        assertThat(body.path("clientId").asText()).isEqualTo("onewindow-web");
        assertThat(body.path("services").toString())
                .as("the back offices the front door routes (application.yml)")
                .isEqualTo(
                        "[\"construction-permit\",\"enterprise-opening\",\"property-registration\",\"supervision\",\"utility-hookup\"]");
    }

    @Test
    void theApiStillNeedsAToken() throws IOException {
        ResponseEntity<String> anonymous = get("/api/v1/me", null);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json");

        assertThat(get("/api/v1/me", TestTokens.clerk("FC")).getStatusCode().value())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/clerkish", "/static/index.html", "/api/v1/enterprise-opening/tasks"})
    void nothingElseBecamePublic(String path) {
        assertThat(get(path, null).getStatusCode().value()).as(path).isEqualTo(401);
    }

    /** The index.html the build put into static/; absent only when built with -Dconsole.skip=true. */
    private static String builtIndex() throws IOException {
        ClassPathResource index = new ClassPathResource("static/index.html");
        assumeTrue(index.exists(), "the console was not built (-Dconsole.skip=true)");
        return index.getContentAsString(StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> get(String path, String token) {
        return RestClient.builder()
                // the JDK client: Apache HttpClient (on the classpath for the proxy) would retry a 503 itself
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build()
                .get()
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .retrieve()
                .toEntity(String.class);
    }
}
