package org.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An address the firewall (or Tomcat, before it) refuses gets the same problem+json as every other
 * error, not a container's error page. Sent as raw bytes, so no client library normalises them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RejectedRequestTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.registerTokens(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/cases/XX-%2e%2e-etc",
                "/api/v1/catalogue/FC/matters/%2e%2e/%2e%2e/actuator/env",
                "/api/v1/catalogue/FC;jsessionid=0/matters",
                "/api/v1/catalogue/FC%2Fmatters",
                "/api/v1/catalogue//FC/matters",
                "/api/v1/catalogue/FC/matters%00"
            })
    void aRefusedAddressIsA400Problem(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        String contentType = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
        assertThat(MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .as(contentType + ": " + response.body())
                .isTrue();
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("code").asText()).isEqualTo("request.rejected");
        assertThat(problem.path("detailZh").asText()).isEqualTo("请求地址含有不允许的字符");
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
