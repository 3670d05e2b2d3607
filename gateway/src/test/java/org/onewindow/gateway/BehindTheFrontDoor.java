package org.onewindow.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A gateway test with enterprise-opening's back office stood in by WireMock and the test kit's
 * token key: what the front door does in front of a back office it cannot see.
 */
abstract class BehindTheFrontDoor {

    @RegisterExtension
    static WireMockExtension enterpriseOpening = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void backOffice(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
        registry.add("onewindow.gateway.services.enterprise-opening", enterpriseOpening::baseUrl);
        // a back office that is down: nothing listens on the discard port
        registry.add("onewindow.gateway.services.utility-hookup", () -> "http://127.0.0.1:9");
        // a back office not deployed here: no URL
        registry.add("onewindow.gateway.services.supervision", () -> "");
    }

    /** The smallest application the front door routes: the back office behind it is WireMock. */
    static final String MINIMAL_APPLICATION = "{\"jurisdiction\":\"LC\",\"matterCode\":\"EO-1\"}";

    @LocalServerPort
    int port;

    /** The back office accepts every application, answering its receipt after {@code delayMs}. */
    static void backOfficeAnswersAfter(int delayMs) {
        enterpriseOpening.stubFor(WireMock.post("/api/v1/applications")
                .willReturn(WireMock.aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"caseNumber\":\"LC-EO-20261202-000001-X\"}")
                        .withFixedDelay(delayMs)));
    }

    /** Waits (5 s at most) until the back office has seen {@code calls} applications. */
    static void awaitBackOfficeCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (enterpriseOpening
                        .findAll(postRequestedFor(urlEqualTo("/api/v1/applications")))
                        .size()
                < calls) {
            assertThat(System.nanoTime())
                    .as("the back office saw %d calls", calls)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** An LC window clerk applies through the front door; any status is returned, not thrown. */
    ResponseEntity<String> apply() {
        return RestClient.builder()
                // the JDK client: Apache HttpClient (on the classpath for the proxy) would retry a 503 itself
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build()
                .post()
                .uri("/api/v1/applications")
                .header("Authorization", "Bearer " + TestTokens.clerk("LC"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(MINIMAL_APPLICATION)
                .retrieve()
                .toEntity(String.class);
    }
}
