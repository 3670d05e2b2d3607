package org.onewindow.runtime.consumer.infrastructure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.onewindow.runtime.consumer.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gauge {@code onewindow.consumer.lag} (tags {@code consumer}, {@code topic}): how many records
 * of the topic the consumer's group has not yet committed, summed over the topic's partitions (the
 * end offset minus the committed offset; where the group has committed nothing yet, minus the
 * offset it would start from, by {@code auto.offset.reset}).
 *
 * <p>Why not the Kafka client's own {@code kafka.consumer.fetch.manager.records.lag} (which
 * spring-kafka's {@code MicrometerConsumerListener} exposes)? That one is the consumer's fetch
 * position, not its committed offset, is recorded only when a fetch returns, and disappears with
 * the consumer: a consumer that is stopped, stuck in a handler or retrying a failing record shows
 * no lag or an old one, which is exactly when lag matters. This gauge asks the broker (Kafka's
 * Admin API, as {@code kafka-consumer-groups --describe} does), so it grows while the consumer is
 * stuck or down.
 *
 * <p>The broker is asked every {@code onewindow.consumers.lag-interval} on a thread of its own,
 * never while a scrape waits; the gauge reads the last answer, and is NaN until the first one or
 * when the broker could not be asked.
 */
public final class ConsumerLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    static final String LAG = "onewindow.consumer.lag";
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> adminConfig;
    private final List<Subscription> subscriptions;
    private final Duration interval;
    private final boolean fromEarliest;
    private final Map<String, AtomicReference<Double>> lags = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService schedule;
    private volatile Admin admin;

    /**
     * @param adminConfig the Kafka Admin client's settings (Boot's {@code KafkaAdmin})
     * @param autoOffsetReset the consumers' {@code auto.offset.reset}: where a group without a
     *     committed offset starts, so what counts as not yet consumed
     */
    public ConsumerLag(
            Map<String, Object> adminConfig,
            List<Subscription> subscriptions,
            MeterRegistry registry,
            Duration interval,
            String autoOffsetReset) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.subscriptions = List.copyOf(subscriptions);
        this.interval = interval;
        this.fromEarliest = "earliest".equalsIgnoreCase(autoOffsetReset);
        for (Subscription s : this.subscriptions) {
            AtomicReference<Double> lag = new AtomicReference<>(Double.NaN);
            lags.put(s.consumer(), lag);
            Gauge.builder(LAG, lag, AtomicReference::get)
                    .description("records of the topic the consumer's group has not committed yet")
                    .tag("consumer", s.consumer())
                    .tag("topic", s.topic())
                    .register(registry);
        }
    }

    /** Asks the broker for every consumer's lag now (the schedule calls this). */
    public void refresh() {
        Admin client = admin;
        if (client == null) {
            return;
        }
        for (Subscription s : subscriptions) {
            double lag;
            try {
                lag = lag(client, s);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                log.debug("lag of {} unknown: {}", s.consumer(), e.toString());
                lag = Double.NaN;
            }
            lags.get(s.consumer()).set(lag);
        }
    }

    private long lag(Admin client, Subscription s) throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions;
        try {
            TopicDescription topic = client.describeTopics(List.of(s.topic()))
                    .allTopicNames()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(s.topic());
            partitions = topic.partitions().stream()
                    .map(p -> new TopicPartition(s.topic(), p.partition()))
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0; // nothing published yet, nothing to consume
            }
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(s.group())
                .partitionsToOffsetAndMetadata()
                .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
        List<TopicPartition> uncommitted =
                partitions.stream().filter(p -> committed.get(p) == null).toList();
        Map<TopicPartition, Long> starts = uncommitted.isEmpty()
                ? Map.of()
                : offsets(client, uncommitted, fromEarliest ? OffsetSpec.earliest() : OffsetSpec.latest());
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            long position = done != null ? done.offset() : starts.get(p);
            lag += Math.max(0, ends.get(p) - position);
        }
        return lag;
    }

    private static Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = client.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
                .all()
                .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return answer.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "onewindow-consumer-lag");
        admin = Admin.create(config);
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onewindow-consumer-lag");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = schedule;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            schedule = null;
        }
        Admin a = admin;
        if (a != null) {
            admin = null;
            a.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
