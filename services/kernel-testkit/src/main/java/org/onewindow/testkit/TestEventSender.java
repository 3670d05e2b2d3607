package org.onewindow.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts records on the test broker as another service's outbox would: keyed by case number, the
 * envelope's bytes as the value, its type and id in the {@code ce_type} / {@code ce_id} headers
 * (JSON strings, as Modulith's externaliser writes them).
 *
 * <p>A service test that consumes other services' topics registers one, so that the topics exist
 * before the service subscribes and the producer is closed after the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TestEventSender producer = TestEventSender.onTopics("onewindow.property-registration.case-events");
 * }</pre>
 */
public final class TestEventSender implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final List<String> topics;
    private KafkaProducer<String, byte[]> producer;

    public TestEventSender() {
        this.topics = List.of();
        this.producer = producer();
    }

    private TestEventSender(List<String> topics) {
        this.topics = topics;
    }

    /** An extension that creates {@code topics} (3 partitions, as the stack does) before the class. */
    public static TestEventSender onTopics(String... topics) {
        return new TestEventSender(List.of(topics));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String topic : topics) {
            createTopic(topic, 3);
        }
        if (producer == null) {
            producer = producer();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Creates the topic unless it exists, as the stack does for every service's topic before the
     * services start: a consumer subscribed to a missing topic sees it only at its next metadata
     * refresh, minutes later.
     */
    public static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String type, String id, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (type != null) {
            record.headers().add("ce_type", ("\"" + type + "\"").getBytes(StandardCharsets.UTF_8));
        }
        if (id != null) {
            record.headers().add("ce_id", ("\"" + id + "\"").getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get();
    }

    /** A record as it is, headers and all missing: a value that is not an envelope. */
    public void sendRaw(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }

    /** Sends an envelope (a CaseEvent) as the outbox does: serialised as JSON, ISO dates. */
    public void sendJson(String topic, String key, String type, String id, Object envelope) throws Exception {
        send(topic, key, type, id, JSON.writeValueAsBytes(envelope));
    }

    /**
     * The records on {@code topic} (a dead-letter topic, say) keyed {@code key}, read from its
     * beginning until at least one arrives or {@code within} passes; empty if none did.
     */
    public static List<ConsumerRecord<String, String>> recordsOn(String topic, String key, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> reader =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end && found.isEmpty()) {
                List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    continue;
                }
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofSeconds(1))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
