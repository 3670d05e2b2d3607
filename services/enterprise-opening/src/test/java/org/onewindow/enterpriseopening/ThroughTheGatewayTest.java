package org.onewindow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.applicant;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end through the real gateway: the gateway's own jar runs as a separate process (as in
 * production), validates the same signed JWTs against the test JWKS, routes by matter code and
 * case number to this service, and answers problems at the door.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ThroughTheGatewayTest {

    @RegisterExtension
    static WireMockExtension departments = WireMockExtension.newInstance()
            .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                    .dynamicPort())
            .build();

    static final int SERVICE_PORT = freePort();
    static final int GATEWAY_PORT = freePort();
    static Process gateway;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "eo_gateway");
        registry.add("server.port", () -> SERVICE_PORT);
        registry.add("onewindow.departments.base-url", departments::baseUrl);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startGateway() throws IOException {
        Path jar = gatewayJar();
        Path log = Files.createTempFile("gateway-", ".log");
        gateway = new ProcessBuilder(
                        javaBinary(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + GATEWAY_PORT,
                        "--onewindow.gateway.services.enterprise-opening=http://127.0.0.1:" + SERVICE_PORT,
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                        "--onewindow.security.issuer=" + TestTokens.ISSUER)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(gateway.isAlive())
                            .as("gateway exited; log: " + log)
                            .isTrue();
                    try {
                        return call(GATEWAY_PORT, "GET", "/actuator/health", null, null, null)
                                        .status()
                                == 200;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.destroy();
        }
    }

    @Test
    void anApplicationAndItsCaseGoThroughTheFrontDoor() {
        departments.stubFor(WireMock.post(WireMock.urlPathMatching("/[a-z-]+/registrations"))
                .willReturn(WireMock.okJson("{\"reference\":\"R-1\"}")));
        Reply receipt = call(
                GATEWAY_PORT,
                "POST",
                "/api/v1/applications",
                clerk("FC"),
                UUID.randomUUID().toString(),
                bundleApplication("FC", "WINDOW"));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();

        Reply read = call(GATEWAY_PORT, "GET", "/api/v1/cases/" + caseNumber, clerk("FC"), null, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(read.body().path("jurisdiction").asText()).isEqualTo("FC");
        assertThat(read.body().path("calendarKnown").isBoolean()).isTrue();

        assertThat(call(
                                GATEWAY_PORT,
                                "GET",
                                "/api/v1/cases/" + caseNumber,
                                applicant("rival", "91310115MA02LC022T"),
                                null,
                                null)
                        .status())
                .as("another applicant's case does not exist for them")
                .isEqualTo(404);
        assertThat(call(GATEWAY_PORT, "GET", "/api/v1/cases/" + caseNumber, null, null, null)
                        .status())
                .isEqualTo(401);
        String typo = caseNumber.substring(0, caseNumber.length() - 1) + (caseNumber.endsWith("A") ? "B" : "A");
        Reply mistyped = call(GATEWAY_PORT, "GET", "/api/v1/cases/" + typo, clerk("FC"), null, null);
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.contentType()).startsWith("application/problem+json");
        assertThat(call(GATEWAY_PORT, "GET", "/api/v1/enterprise-opening/tasks", clerk("FC"), null, null)
                        .status())
                .isEqualTo(200);
    }

    private static Path gatewayJar() throws IOException {
        Path target = Path.of("../../gateway/target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("gateway-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(plain|sources|javadoc|tests)\\.jar"))
                    .toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no gateway jar in " + target
                        + ": build the reactor (mvn -B verify) so the gateway is packaged before this test");
            }
            return jars.get(0);
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
