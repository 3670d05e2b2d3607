package org.onewindow.kernel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.caseno.model.CaseNumberSequence;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.events.CaseEventFactory;
import org.onewindow.kernel.events.infrastructure.Inbox;
import org.onewindow.kernel.events.infrastructure.OutboxHousekeeping;
import org.onewindow.kernel.idempotency.infrastructure.IdempotencyHousekeeping;
import org.onewindow.testkit.KafkaTestBroker;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** The kernel's edges against a real PostgreSQL, a real Kafka broker and real signed tokens. */
@SpringBootTest(
        classes = ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onewindow.service=enterprise-opening",
            "onewindow.catalogue-location=classpath*:fixtures/catalogue-valid"
        })
class KernelIntegrationTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "kernel");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditTrail audit;

    @Autowired
    CaseNumberSequence sequence;

    @Autowired
    Inbox inbox;

    @Autowired
    CaseEventFactory events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutboxHousekeeping outbox;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor outboxThread;

    @Autowired
    ObjectMapper json;

    @Autowired
    IdempotencyHousekeeping idempotencyKeys;

    @LocalServerPort
    int port;

    @Test
    void theAuditTrailCannotBeChangedOrEmptiedByTheApplication() {
        String subject = "FC-EO-20261122-000001-" + UUID.randomUUID();
        audit.record(new AuditEntry(
                Instant.parse("2026-11-22T01:00:00Z"),
                "fc-clerk",
                "clerk",
                "FC",
                "case.accepted",
                subject,
                "walk-in applicant",
                Map.of("channel", "WINDOW")));

        assertThat(audit.of(subject)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("fc-clerk");
            assertThat(e.details()).containsEntry("channel", "WINDOW");
        });
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_trail SET reason = 'forged' WHERE subject = ?")
                        .param(subject)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_trail WHERE subject = ?")
                        .param(subject)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_trail").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(audit.of(subject))
                .singleElement()
                .extracting(AuditEntry::reason)
                .isEqualTo("walk-in applicant");
    }

    @Test
    void caseNumbersStayUniqueUnderConcurrentIntake() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 23);
        Set<Long> issued = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (!issued.add(sequence.next("FC", OwningService.ENTERPRISE_OPENING, day))) {
                            duplicates.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).hasValue(0);
        assertThat(issued).hasSize(400).allMatch(n -> n >= 1 && n <= 400);
        assertThat(sequence.next("LC", OwningService.ENTERPRISE_OPENING, day))
                .as("each jurisdiction counts on its own")
                .isEqualTo(1);
    }

    /**
     * As many intakes as the application's pool has connections, each holding one, all ask for a
     * case number at once: the numbers come from the counters' own pool, so none waits for a
     * second connection of the full pool (which would stall them all until its time-out).
     */
    @Test
    void intakesHoldingEveryConnectionOfThePoolStillGetTheirCaseNumbers() throws Exception {
        int connections = ((HikariDataSource) dataSource).getMaximumPoolSize();
        LocalDate day = LocalDate.of(2026, 11, 24);
        CyclicBarrier allHolding = new CyclicBarrier(connections);
        var pool = Executors.newFixedThreadPool(connections);
        Set<Long> issued = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> intakes = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                intakes.add(pool.submit(() -> transaction.executeWithoutResult(tx -> {
                    jdbc.sql("SELECT 1").query(Integer.class).single(); // this intake now holds a connection
                    await(allHolding);
                    issued.add(sequence.next("QX", OwningService.ENTERPRISE_OPENING, day));
                })));
            }
            for (Future<?> intake : intakes) {
                intake.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issued).hasSize(connections);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInboxHandlesARedeliveredEventOnce() {
        CaseEvent event = events.create("case.accepted", "FC-EO-20261122-000002-X", "FC", Map.of(), null);
        AtomicInteger handled = new AtomicInteger();

        boolean first = inbox.handleOnce("utility-hookup", event, e -> handled.incrementAndGet());
        boolean again = inbox.handleOnce("utility-hookup", event, e -> handled.incrementAndGet());
        boolean otherConsumer = inbox.handleOnce("property-registration", event, e -> handled.incrementAndGet());

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherConsumer).isTrue();
        assertThat(handled).hasValue(2);
    }

    @Test
    void aCaseEventCommittedWithItsTransactionReachesKafkaKeyedByCaseNumber() {
        String caseNumber =
                new CaseNumber("FC", OwningService.ENTERPRISE_OPENING, LocalDate.of(2026, 11, 22), 4242).toString();
        CaseEvent event = events.create("case.accepted", caseNumber, "FC", Map.of("matterCode", "EO-1"), null);

        transaction.executeWithoutResult(tx -> publisher.publishEvent(event));

        ConsumerRecord<String, String> received = awaitRecord(OwningService.ENTERPRISE_OPENING.topic(), caseNumber);
        assertThat(received.value()).contains(event.id(), "\"matterCode\":\"EO-1\"");
        assertThat(new String(received.headers().lastHeader("ce_type").value())).contains("case.accepted");
        assertThat(awaitCompletedPublications(event.id())).isEqualTo(1);
    }

    /** A failed send leaves the publication incomplete; the housekeeping relays it again. */
    @Test
    void aPublicationStuckPastRedeliverAfterIsResubmittedAndCompleted() {
        String caseNumber =
                new CaseNumber("LC", OwningService.ENTERPRISE_OPENING, LocalDate.of(2026, 11, 23), 4343).toString();
        CaseEvent event = events.create("case.accepted", caseNumber, "LC", Map.of("matterCode", "EO-1"), null);
        transaction.executeWithoutResult(tx -> publisher.publishEvent(event));
        assertThat(awaitCompletedPublications(event.id())).isEqualTo(1);
        jdbc.sql("UPDATE event_publication SET completion_date = NULL, publication_date = now() - interval '10 minutes'"
                        + " WHERE serialized_event LIKE ?")
                .param("%" + event.id() + "%")
                .update();
        assertThat(outbox.backlog()).isGreaterThanOrEqualTo(1);

        outbox.redeliver();

        assertThat(awaitCompletedPublications(event.id())).isEqualTo(1);
        assertThat(countRecords(OwningService.ENTERPRISE_OPENING.topic(), caseNumber, 2))
                .as("sent, then resubmitted: consumers dedupe by id")
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?"
                                + " AND completion_date IS NULL")
                        .param("%" + event.id() + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /**
     * While Kafka is away each send blocks the outbox thread and hand-offs queue behind it; a round
     * that resubmitted regardless would queue every stuck event once more per round of the outage.
     */
    @Test
    void aRoundWaitsUntilThePreviousRoundsResubmissionsHaveBeenHandedOff() throws Exception {
        String caseNumber =
                new CaseNumber("QX", OwningService.ENTERPRISE_OPENING, LocalDate.of(2026, 11, 24), 4444).toString();
        CaseEvent event = events.create("case.accepted", caseNumber, "QX", Map.of("matterCode", "EO-1"), null);
        transaction.executeWithoutResult(tx -> publisher.publishEvent(event));
        assertThat(awaitCompletedPublications(event.id())).isEqualTo(1);
        CountDownLatch sendReturns = new CountDownLatch(1);
        outboxThread.execute(() -> {
            try {
                sendReturns.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitTrue(() -> outboxThread.getActiveCount() == 1);
        // stuck only once the thread is blocked: a scheduled round (every 15 s) must not relay it first
        jdbc.sql("UPDATE event_publication SET completion_date = NULL, publication_date = now() - interval '10 minutes'"
                        + " WHERE serialized_event LIKE ?")
                .param("%" + event.id() + "%")
                .update();

        int queued;
        try {
            outbox.redeliver();
            queued = outboxThread.getQueueSize();
            outbox.redeliver();
            outbox.redeliver();

            assertThat(queued)
                    .as("the first round's resubmission and its marker")
                    .isGreaterThanOrEqualTo(2);
            assertThat(outboxThread.getQueueSize())
                    .as("later rounds queue nothing while the first round's are still waiting")
                    .isEqualTo(queued);
        } finally {
            sendReturns.countDown();
        }

        assertThat(awaitCompletedPublications(event.id())).isEqualTo(1);
        awaitTrue(() -> outboxThread.getQueueSize() == 0);
        assertThat(incompletePublications(event.id())).isZero();
        assertThat(countRecords(OwningService.ENTERPRISE_OPENING.topic(), caseNumber, 2))
                .as("sent, then resubmitted once however many rounds passed while the thread was blocked")
                .isEqualTo(2);
    }

    private int incompletePublications(String eventId) {
        return jdbc.sql(
                        "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL")
                .param("%" + eventId + "%")
                .query(Integer.class)
                .single();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 10 s").isBefore(deadline);
            sleep();
        }
    }

    @Test
    void idempotencyKeysOlderThanTheirKeepAreForgottenAndYoungerOnesKept() {
        String caller = "housekeeping-" + UUID.randomUUID();
        for (int i = 0; i < IdempotencyHousekeeping.BATCH + 3; i++) {
            rememberKey(caller, "old-" + i, "now() - interval '2 days'");
        }
        rememberKey(caller, "recent", "now() - interval '1 hour'");

        idempotencyKeys.purgeExpired();

        assertThat(jdbc.sql("SELECT key FROM idempotency_key WHERE caller = ?")
                        .param(caller)
                        .query(String.class)
                        .list())
                .as("every expired key gone, in more than one batch; the recent one kept")
                .containsExactly("recent");
    }

    private void rememberKey(String caller, String key, String createdAt) {
        jdbc.sql("INSERT INTO idempotency_key (caller, key, request_hash, status, response, created_at)"
                        + " VALUES (?, ?, 'h', 201, '{}'::jsonb, " + createdAt + ")")
                .params(caller, key)
                .update();
    }

    @Test
    void withoutATokenTheAnswerIsProblemJson401() {
        ResponseEntity<String> response =
                client().get().uri("/probe/whoami").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theApiDescriptionIsPublicAndSaysHowToGetAToken() throws Exception {
        ResponseEntity<String> response =
                client().get().uri("/v3/api-docs").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode api = json.readTree(response.getBody());
        assertThat(api.at("/paths/~1probe~1whoami/get").isObject()).isTrue();
        assertThat(api.at("/components/securitySchemes/keycloak/flows/authorizationCode/authorizationUrl")
                        .asText())
                .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/auth");
        assertThat(api.at("/components/securitySchemes/keycloak/flows/authorizationCode/tokenUrl")
                        .asText())
                .isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/token");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/servers/0/url").asText())
                .as("relative: through the gateway, the gateway")
                .isEqualTo("/");
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemNotAnErrorPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/probe/whoami;x=%2e%2e"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("code").asText()).isEqualTo("request.rejected");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        ResponseEntity<String> response = client().get()
                .uri("/probe/whoami")
                .header(
                        "Authorization",
                        "Bearer " + TestTokens.fromIssuer("http://evil.example/realms/onewindow", "FC"))
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMalformedTokenIsRefused() {
        ResponseEntity<String> response = client().get()
                .uri("/probe/whoami")
                .header("Authorization", "Bearer not-a-jwt")
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theCallerCarriesRoleAndJurisdictionFromTheToken() {
        ResponseEntity<String> response = client().get()
                .uri("/probe/whoami")
                .header("Authorization", "Bearer " + TestTokens.clerk("FC"))
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"jurisdiction\":\"FC\"", "CLERK");
    }

    @Test
    void invalidInputGetsEveryFieldNamedInOneProblem() {
        ResponseEntity<String> response = client().post()
                .uri("/probe/echo")
                .header("Authorization", "Bearer " + TestTokens.clerk("FC"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"\",\"amount\":-1}")
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"field\":\"name\"", "\"field\":\"amount\"");
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        ResponseEntity<String> response = client().post()
                .uri("/probe/echo")
                .header("Authorization", "Bearer " + TestTokens.clerk("FC"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":")
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        ResponseEntity<String> response = client().post()
                .uri("/probe/echo")
                .header("Authorization", "Bearer " + TestTokens.clerk("FC"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"x\",\"amount\":\"many\"}")
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"amount\"", "request.malformed");
    }

    private RestClient client() {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {})
                .build();
    }

    /** A consumer of its own group, reading the topic from the start. */
    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kernel-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no record keyed " + key + " on " + topic + " within 30 s");
    }

    /** How many records keyed {@code key} the topic holds, waiting up to 30 s for {@code expected}. */
    private int countRecords(String topic, String key, int expected) {
        int seen = 0;
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && seen < expected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        seen++;
                    }
                }
            }
            // anything more than expected arrives within a further poll
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                if (key.equals(r.key())) {
                    seen++;
                }
            }
        }
        return seen;
    }

    private int awaitCompletedPublications(String eventId) {
        Instant deadline = Instant.now().plusSeconds(10);
        int completed = 0;
        while (Instant.now().isBefore(deadline)) {
            completed = jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL")
                    .param("%" + eventId + "%")
                    .query(Integer.class)
                    .single();
            if (completed > 0) {
                return completed;
            }
            sleep();
        }
        return completed;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
