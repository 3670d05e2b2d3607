package org.onewindow.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A Kafka consumer beside the load: notes the moment each event of a topic is seen (epoch
 * microseconds, this machine's clock, the one PostgreSQL stamps commits with), so the runner can
 * measure commit → event seen. It reads every partition from the end as it was at start, outside
 * any consumer group, and drains for a few seconds after the load before it writes its CSV.
 */
final class EventTap {

    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final String bootstrap;
    private final String topic;
    private final Path out;
    private final Queue<String> seen = new ConcurrentLinkedQueue<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread thread;

    EventTap(String bootstrap, String topic, Path out) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.out = out;
    }

    void start() {
        thread = new Thread(this::consume, "event-tap");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!assigned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("event tap: no partitions of " + topic + " at " + bootstrap);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        try {
            Thread.sleep(DRAIN.toMillis());
            running = false;
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> lines = new ArrayList<>();
        lines.add("id,type,subject,seenAtUs");
        lines.addAll(seen);
        try {
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void consume() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before the load
            assigned.countDown();
            while (running) {
                var records = consumer.poll(Duration.ofMillis(50));
                Instant at = Instant.now();
                long us = ChronoUnit.MICROS.between(Instant.EPOCH, at);
                for (ConsumerRecord<String, byte[]> r : records) {
                    seen.add(header(r, "ce_id") + "," + header(r, "ce_type") + "," + r.key() + "," + us);
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null) {
            return "";
        }
        String value = new String(h.value(), StandardCharsets.UTF_8);
        // spring-kafka's header mapper may write a String header as a JSON string
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
