package org.onewindow.enterpriseopening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onewindow.testkit.KafkaTestBroker;
import org.onewindow.testkit.TestTokens;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Calls and tokens the service tests share. */
final class EnterpriseOpeningTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPIC = "onewindow.enterprise-opening.case-events";

    private EnterpriseOpeningTestSupport() {}

    static String clerk(String jurisdiction) {
        return TestTokens.clerk(jurisdiction);
    }

    static String approver(String jurisdiction) {
        return TestTokens.issue(
                jurisdiction.toLowerCase() + "-approver", List.of("approver"), jurisdiction, "market-regulation", null);
    }

    static String applicant(String username, String uscc) {
        return TestTokens.issue(username, List.of("applicant"), null, null, uscc);
    }

    /** The EO-1 bundle for a walk-in founder, every material presented. */
    static String bundleApplication(String jurisdiction, String channel) {
        return """
            {"jurisdiction":"%s","matterCode":"EO-1","channel":"%s",
             "applicant":{"type":"PERSON","name":"示例商贸有限公司（筹）","idNumber":"370402199001011234"},
             "materials":[
               {"code":"application-form","form":"PAPER"},
               {"code":"articles-of-association","form":"UPLOAD","reference":"upload-001"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-ID-370402199001011234"},
               {"code":"premises-proof","form":"COMMITMENT"},
               {"code":"officer-appointment","form":"PAPER"}],
             "data":{"registeredCapitalCny10k":100}}"""
                .formatted(jurisdiction, channel);
    }

    record Reply(int status, JsonNode body, String contentType) {}

    static Reply call(int port, String method, String path, String token, String idempotencyKey, String body) {
        RestClient.RequestBodySpec spec = RestClient.create("http://127.0.0.1:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                });
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = spec.retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> {})
                .toEntity(String.class);
        try {
            JsonNode json = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            MediaType type = response.getHeaders().getContentType();
            return new Reply(response.getStatusCode().value(), json, type == null ? null : type.toString());
        } catch (Exception e) {
            throw new IllegalStateException(response.getBody(), e);
        }
    }

    static Reply apply(int port, String token, String body) {
        return call(
                port, "POST", "/api/v1/applications", token, UUID.randomUUID().toString(), body);
    }

    /**
     * Every event of the service's topic about one case, in order, written since {@code since}. Test
     * contexts have a database each, so an earlier context may have issued the same case number.
     */
    static List<JsonNode> eventsOf(String caseNumber, Instant since, int atLeast, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "eo-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (caseNumber.equals(r.key()) && r.timestamp() >= since.toEpochMilli()) {
                        try {
                            found.add(JSON.readTree(r.value()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                if (found.size() >= atLeast) {
                    // keep reading briefly: a duplicate would arrive right behind
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                        if (caseNumber.equals(r.key()) && r.timestamp() >= since.toEpochMilli()) {
                            try {
                                found.add(JSON.readTree(r.value()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                    break;
                }
            }
        }
        return found;
    }
}
