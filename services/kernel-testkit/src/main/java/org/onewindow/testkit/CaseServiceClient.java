package org.onewindow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a case-service test does to the service from outside, as its users would: apply, read a
 * case, find and complete tasks, and read what the service published on its topic.
 */
public final class CaseServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int port;
    private final String service;

    /**
     * @param service the service id, e.g. enterprise-opening: its task list and topic are named by it
     */
    public CaseServiceClient(int port, String service) {
        this.port = port;
        this.service = service;
    }

    /** An answer: status, body (a JSON null node when empty) and content type. */
    public record Reply(int status, JsonNode body, String contentType) {}

    public Reply call(String method, String path, String token, String idempotencyKey, String body) {
        return call(method, path, token, idempotencyKey, body, Map.of());
    }

    /** A call with extra request headers (a W3C traceparent, …). */
    public Reply call(
            String method, String path, String token, String idempotencyKey, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isEmpty()
                    ? JSON.nullNode()
                    : JSON.readTree(response.body());
            return new Reply(
                    response.statusCode(),
                    json,
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /api/v1/applications} with a fresh Idempotency-Key. */
    public Reply apply(String token, String application) {
        return call("POST", "/api/v1/applications", token, UUID.randomUUID().toString(), application);
    }

    /** {@code GET /api/v1/cases/{caseNumber}}. */
    public Reply read(String token, String caseNumber) {
        return call("GET", "/api/v1/cases/" + caseNumber, token, null, null);
    }

    /** The caller's inbox. */
    public List<JsonNode> tasks(String token) {
        List<JsonNode> tasks = new ArrayList<>();
        call("GET", "/api/v1/" + service + "/tasks", token, null, null).body().forEach(tasks::add);
        return tasks;
    }

    /** The caller's open task of that activity on that case, if there is one now. */
    public Optional<JsonNode> taskOf(String token, String caseNumber, String activity) {
        return tasks(token).stream()
                .filter(t -> caseNumber.equals(t.path("caseNumber").asText())
                        && activity.equals(t.path("activity").asText()))
                .findFirst();
    }

    public Reply complete(String token, String taskId, String completion) {
        return call("POST", "/api/v1/" + service + "/tasks/" + taskId + "/complete", token, null, completion);
    }

    /** The service's topic: onewindow.&lt;service&gt;.case-events. */
    public String topic() {
        return "onewindow." + service + ".case-events";
    }

    /**
     * Every event of the service's topic about one case, in order, written since {@code since}; waits
     * for at least {@code atLeast}, then reads on briefly so that a duplicate right behind is seen.
     * Test contexts have a database each, so an earlier context may have issued the same number.
     */
    public List<JsonNode> eventsOf(String caseNumber, Instant since, int atLeast, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic()));
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end && found.size() < atLeast) {
                collect(consumer, Duration.ofMillis(300), caseNumber, since, found);
            }
            if (found.size() >= atLeast) {
                collect(consumer, Duration.ofSeconds(1), caseNumber, since, found);
            }
        }
        return found;
    }

    private static void collect(
            KafkaConsumer<String, String> consumer,
            Duration poll,
            String caseNumber,
            Instant since,
            List<JsonNode> found) {
        for (ConsumerRecord<String, String> r : consumer.poll(poll)) {
            if (caseNumber.equals(r.key()) && r.timestamp() >= since.toEpochMilli()) {
                try {
                    found.add(JSON.readTree(r.value()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
