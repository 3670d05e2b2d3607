package org.onewindow.runtime.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.BROKEN_TOPIC;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.FLAKY_FAILURES;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.FLAKY_TOPIC;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.SLOW_GATE;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.SLOW_TOPIC;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.STRICT_TOPIC;
import static org.onewindow.runtime.consumer.it.ConsumerTestApplication.TRANSFER;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.events.CaseEventFactory;
import org.onewindow.runtime.consumer.infrastructure.DeadLetters;
import org.onewindow.testkit.KafkaTestBroker;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestEventSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event consumers against a real Kafka broker and a real PostgreSQL: deduplication by the
 * inbox, type filtering, retries, the dead-letter topic and the lag gauge. Each scenario has its
 * own handler and topic ({@link ConsumerTestApplication}).
 */
@SpringBootTest(
        classes = ConsumerTestApplication.class,
        properties = {
            "onewindow.service=utility-hookup",
            "spring.flyway.locations=classpath:db/kernel,classpath:db/consumer-it",
            "onewindow.consumers.attempts=3",
            "onewindow.consumers.initial-interval=100ms",
            "onewindow.consumers.multiplier=2",
            "onewindow.consumers.max-interval=200ms",
            "onewindow.consumers.lag-interval=200ms"
        })
class CaseEventConsumerIntegrationTest {

    private static final int ATTEMPTS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TestEventSender producer;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "consumer");
    }

    @BeforeAll
    static void producer() {
        producer = new TestEventSender();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Autowired
    CaseEventFactory events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ScriptedHandler ownCases;

    @Autowired
    ScriptedHandler flakyCases;

    @Autowired
    ScriptedHandler brokenCases;

    @Autowired
    ScriptedHandler strictCases;

    /** (1) The outbox relays one event twice (as after a redelivery): it has one effect. */
    @Test
    void anEventDeliveredTwiceHasOneEffect() {
        CaseEvent accepted = events.create("case.accepted", caseNumber(), "FC", Map.of("matterCode", "UT-1"), null);
        double handled = count("onewindow.consumer.handled", "own-cases");
        double duplicates = count("onewindow.consumer.duplicates", "own-cases");

        transaction.executeWithoutResult(tx -> publisher.publishEvent(accepted));
        transaction.executeWithoutResult(tx -> publisher.publishEvent(accepted));

        // both deliveries are done when the consumer has counted two, as handled or as duplicate
        await().atMost(PATIENCE)
                .until(() -> count("onewindow.consumer.handled", "own-cases")
                                - handled
                                + count("onewindow.consumer.duplicates", "own-cases")
                                - duplicates
                        >= 2);
        assertThat(ownCases.invocations(accepted.id())).isEqualTo(1);
        assertThat(effects("own-cases", accepted.id())).isEqualTo(1);
        assertThat(inboxRows("own-cases", accepted.id())).isEqualTo(1);
        assertThat(count("onewindow.consumer.handled", "own-cases") - handled).isEqualTo(1);
        assertThat(count("onewindow.consumer.duplicates", "own-cases") - duplicates)
                .isEqualTo(1);
    }

    /** (2) A type the consumer does not subscribe to passes it by, the next one is handled. */
    @Test
    void anEventTypeNotSubscribedIsSkipped() {
        String caseNumber = caseNumber();
        CaseEvent suspended = events.create("case.suspended", caseNumber, "FC", Map.of("reason", "FEE_PAYMENT"), null);
        CaseEvent accepted = events.create("case.accepted", caseNumber, "FC", Map.of("matterCode", "UT-1"), null);
        double skipped = count("onewindow.consumer.skipped", "own-cases");

        transaction.executeWithoutResult(tx -> publisher.publishEvent(suspended));
        transaction.executeWithoutResult(tx -> publisher.publishEvent(accepted));

        // the outbox relays each transaction's event on its own, so either may reach Kafka first
        await().atMost(PATIENCE)
                .until(() -> effects("own-cases", accepted.id()) == 1
                        && count("onewindow.consumer.skipped", "own-cases") - skipped == 1);
        assertThat(ownCases.invocations(suspended.id())).isZero();
        assertThat(inboxRows("own-cases", suspended.id())).isZero();
    }

    /** (3) A handler failing fewer times than the attempts: retried, and its effect is there once. */
    @Test
    void aHandlerThatFailsAndThenSucceedsIsRetried() throws Exception {
        CaseEvent transfer = transfer(Map.of("parcel", "FC-0003"));

        send(FLAKY_TOPIC, transfer);

        await().atMost(PATIENCE).until(() -> effects("flaky-cases", transfer.id()) == 1);
        assertThat(flakyCases.invocations(transfer.id())).isEqualTo(FLAKY_FAILURES + 1);
        assertThat(jdbc.sql("SELECT attempt FROM consumer_effect WHERE consumer = ? AND event_id = ?")
                        .params("flaky-cases", transfer.id())
                        .query(Integer.class)
                        .single())
                .as("the failed attempts' effects rolled back with them")
                .isEqualTo(FLAKY_FAILURES + 1);
        assertThat(inboxRows("flaky-cases", transfer.id())).isEqualTo(1);
        assertThat(count("onewindow.consumer.dead-lettered", "flaky-cases")).isZero();
    }

    /**
     * (4) A handler that always fails: after the configured attempts the record is on the
     * dead-letter topic as it came, and the next event of the same case is handled.
     */
    @Test
    void aHandlerThatKeepsFailingEndsOnTheDeadLetterTopicAndTheConsumerMovesOn() throws Exception {
        String caseNumber = caseNumber();
        CaseEvent doomed = transfer(caseNumber, Map.of("parcel", "FC-9999", "fail", true));
        CaseEvent next = transfer(caseNumber, Map.of("parcel", "FC-0004"));

        byte[] doomedValue = send(BROKEN_TOPIC, doomed);
        send(BROKEN_TOPIC, next);

        await().atMost(PATIENCE).until(() -> effects("broken-cases", next.id()) == 1);
        ConsumerRecord<String, byte[]> letter = deadLetter(
                        BROKEN_TOPIC + ".utility-hookup.broken-cases.dlt", r -> caseNumber.equals(r.key()))
                .get(0);
        assertThat(letter.key()).isEqualTo(caseNumber);
        assertThat(letter.value()).isEqualTo(doomedValue);
        // the headers as they came, JSON strings as the outbox writes them
        assertThat(header(letter, "ce_type")).isEqualTo("\"" + TRANSFER + "\"");
        assertThat(header(letter, "ce_id")).isEqualTo("\"" + doomed.id() + "\"");
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(BROKEN_TOPIC);
        assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("utility-hookup.broken-cases");
        assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
        assertThat(header(letter, DeadLetters.REASON_HEADER))
                .isEqualTo("failed: java.lang.IllegalStateException: no such parcel: FC-9999");
        assertThat(deliveryAttempt(letter)).isEqualTo(ATTEMPTS);
        assertThat(brokenCases.invocations(doomed.id())).isEqualTo(ATTEMPTS);
        assertThat(effects("broken-cases", doomed.id())).isZero();
        assertThat(inboxRows("broken-cases", doomed.id())).isZero();
        assertThat(count("onewindow.consumer.dead-lettered", "broken-cases")).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lag("broken-cases"))
                .as("offsets committed past the dead letter")
                .isZero());
    }

    /** (5) Records that are no envelope go to the dead-letter topic on their first delivery. */
    @Test
    void aMalformedRecordIsDeadLetteredAtOnce() throws Exception {
        String notJsonKey = caseNumber();
        String noIdKey = caseNumber();
        byte[] notJson = "property transfer registered, parcel FC-0005".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> envelope = json.convertValue(transfer(noIdKey, Map.of("parcel", "FC-0005")), Map.class);
        envelope.remove("id");
        byte[] noId = json.writeValueAsBytes(envelope);
        CaseEvent fine = transfer(noIdKey, Map.of("parcel", "FC-0006"));

        producer.sendRaw(new ProducerRecord<>(STRICT_TOPIC, notJsonKey, notJson));
        ProducerRecord<String, byte[]> withoutId = new ProducerRecord<>(STRICT_TOPIC, noIdKey, noId);
        withoutId.headers().add("ce_type", TRANSFER.getBytes(StandardCharsets.UTF_8));
        producer.sendRaw(withoutId);
        send(STRICT_TOPIC, fine);

        await().atMost(PATIENCE).until(() -> effects("strict-cases", fine.id()) == 1);
        List<ConsumerRecord<String, byte[]>> letters = deadLetter(
                STRICT_TOPIC + ".utility-hookup.strict-cases.dlt",
                r -> notJsonKey.equals(r.key()) || noIdKey.equals(r.key()));
        assertThat(letters).hasSize(2);
        ConsumerRecord<String, byte[]> notJsonLetter = letters.stream()
                .filter(r -> notJsonKey.equals(r.key()))
                .findFirst()
                .orElseThrow();
        ConsumerRecord<String, byte[]> noIdLetter = letters.stream()
                .filter(r -> noIdKey.equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(notJsonLetter.value()).isEqualTo(notJson);
        assertThat(header(notJsonLetter, DeadLetters.REASON_HEADER)).startsWith("malformed: not JSON");
        assertThat(noIdLetter.value()).isEqualTo(noId);
        assertThat(header(noIdLetter, DeadLetters.REASON_HEADER)).isEqualTo("malformed: missing field id");
        assertThat(letters)
                .allSatisfy(letter ->
                        assertThat(deliveryAttempt(letter)).as("no retry").isEqualTo(1));
        assertThat(count("onewindow.consumer.dead-lettered", "strict-cases")).isEqualTo(2);
        assertThat(strictCases.invocations(fine.id())).isEqualTo(1);
    }

    /**
     * (6) The lag gauge counts what the group has not committed: it grows while the handler is
     * stuck (the Kafka client's own lag metric would not) and falls to 0 once all is handled.
     */
    @Test
    void theLagGaugeCountsWhatIsNotConsumedYet() throws Exception {
        String caseNumber = caseNumber();
        send(SLOW_TOPIC, transfer(caseNumber, Map.of("parcel", "FC-0007", "block", true)));
        for (int i = 0; i < 3; i++) {
            send(SLOW_TOPIC, transfer(caseNumber, Map.of("parcel", "FC-001" + i)));
        }

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(lag("slow-cases")).isEqualTo(4));
        SLOW_GATE.countDown();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(lag("slow-cases")).isZero());
        assertThat(count("onewindow.consumer.handled", "slow-cases")).isEqualTo(4);
        assertThat(meters.find("onewindow.consumer.lag")
                        .tag("consumer", "slow-cases")
                        .gauge()
                        .getId()
                        .getTag("topic"))
                .isEqualTo(SLOW_TOPIC);
    }

    // --- helpers

    private static final AtomicInteger CASES = new AtomicInteger();

    private static String caseNumber() {
        return "FC-PR-20261123-" + String.format("%06d", CASES.incrementAndGet()) + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    private static CaseEvent transfer(Map<String, Object> data) {
        return transfer(caseNumber(), data);
    }

    private static CaseEvent transfer(String caseNumber, Map<String, Object> data) {
        return new CaseEvent(
                CaseEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                TRANSFER,
                "/onewindow/property-registration",
                caseNumber,
                Instant.parse("2026-11-23T01:05:00Z"),
                "FC",
                data,
                null);
    }

    /** Sends as the outbox would: keyed by case number, the envelope as JSON, the type in a header. */
    private byte[] send(String topic, CaseEvent event) throws Exception {
        byte[] value = json.writeValueAsBytes(event);
        producer.send(topic, event.subject(), event.type(), event.id(), value);
        return value;
    }

    private int effects(String consumer, String eventId) {
        return jdbc.sql("SELECT count(*) FROM consumer_effect WHERE consumer = ? AND event_id = ?")
                .params(consumer, eventId)
                .query(Integer.class)
                .single();
    }

    private int inboxRows(String consumer, String eventId) {
        return jdbc.sql("SELECT count(*) FROM inbox WHERE consumer = ? AND event_id = ?")
                .params(consumer, eventId)
                .query(Integer.class)
                .single();
    }

    private double count(String name, String consumer) {
        Counter counter = meters.find(name).tag("consumer", consumer).counter();
        assertThat(counter).as(name + " of " + consumer).isNotNull();
        return counter.count();
    }

    private double lag(String consumer) {
        Gauge gauge =
                meters.find("onewindow.consumer.lag").tag("consumer", consumer).gauge();
        assertThat(gauge).as("lag of " + consumer).isNotNull();
        return gauge.value();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int deliveryAttempt(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        assertThat(header).as(KafkaHeaders.DELIVERY_ATTEMPT).isNotNull();
        return ByteBuffer.wrap(header.value()).getInt();
    }

    /** The dead letters matching {@code wanted}, read from the start of the topic; at least one. */
    private static List<ConsumerRecord<String, byte[]>> deadLetter(
            String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "consumer-it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var reader = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(300))) {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                }
                boolean atEnd = reader.endOffsets(partitions).entrySet().stream()
                        .allMatch(e -> reader.position(e.getKey()) >= e.getValue());
                if (!found.isEmpty() && atEnd) {
                    return found;
                }
            }
        }
        throw new AssertionError("no dead letter on " + topic + " within " + PATIENCE);
    }
}
