package org.onewindow.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.problem.infrastructure.ProblemHandler;
import org.onewindow.kernel.problem.infrastructure.SaturationProblemHandler;
import org.onewindow.kernel.problem.infrastructure.ServiceUnavailable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.ServerResponse;

/** Every 503 of the platform is one shape: problem+json, code, zh and en, and Retry-After. */
class ServiceUnavailableTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aProblemHasCodeReasonsAndRetryAfter() {
        ResponseEntity<Object> answer =
                ServiceUnavailable.problem("back-office.unavailable", "请稍后重试", "retry later", Duration.ofSeconds(15));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("15");
        JsonNode body = json.valueToTree(answer.getBody());
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("code").asText()).isEqualTo("back-office.unavailable");
        assertThat(body.path("detailZh").asText()).isEqualTo("请稍后重试");
        assertThat(body.path("detail").asText()).isEqualTo("retry later");
        assertThat(body.path("type").asText()).endsWith("/back-office.unavailable");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(retryAfter(Duration.ofMillis(1500))).isEqualTo("2");
        assertThat(retryAfter(Duration.ZERO)).isEqualTo("1");
        assertThat(retryAfter(Duration.ofSeconds(30))).isEqualTo("30");
    }

    @Test
    void theFunctionalFormWritesTheSameAnswer() throws Exception {
        ServerResponse answer = ServiceUnavailable.serverResponse(
                "back-office.not-deployed", "尚未接入", "not connected", Duration.ofSeconds(7));
        MockHttpServletResponse written = new MockHttpServletResponse();

        answer.writeTo(
                new MockHttpServletRequest("GET", "/api/v1/cases/x"),
                written,
                () -> List.of(new MappingJackson2HttpMessageConverter(json)));

        assertThat(written.getStatus()).isEqualTo(503);
        assertThat(written.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(written.getHeader("Retry-After")).isEqualTo("7");
        JsonNode body = json.readTree(written.getContentAsByteArray());
        assertThat(body.path("code").asText()).isEqualTo("back-office.not-deployed");
        assertThat(body.path("detailZh").asText()).isEqualTo("尚未接入");
        assertThat(body.path("detail").asText()).isEqualTo("not connected");
    }

    @Test
    void aServiceWithoutADatabaseConnectionIsBusyNotBroken() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Saturated())
                .setControllerAdvice(new SaturationProblemHandler(), new ProblemHandler())
                .build();

        mvc.perform(get("/saturated"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.code").value("service.busy"))
                .andExpect(jsonPath("$.detailZh").value("系统繁忙，本次未保存任何数据，请稍后用同一幂等键重试"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
    }

    private static String retryAfter(Duration duration) {
        return ServiceUnavailable.problem("x.y", "zh", "en", duration)
                .getHeaders()
                .getFirst("Retry-After");
    }

    @RestController
    static class Saturated {
        @GetMapping("/saturated")
        String saturated() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }
    }
}
