package org.onewindow.supervision.board.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.consumer.infrastructure.CaseEventReader;
import org.onewindow.runtime.consumer.infrastructure.MalformedCaseEvent;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.onewindow.supervision.board.model.BoardCase;
import org.onewindow.supervision.board.model.BoardEvents;
import org.onewindow.supervision.board.model.FreshBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the board from every service's topic, from the beginning, beside the live board, then
 * swaps it in: the board is a read model, so its truth is the events, and a bug fixed in {@link
 * BoardEvents} or a lost table is repaired by replaying them. One rebuild at a time, on its own
 * thread, with its progress readable while it runs.
 *
 * <p>The last events are replayed while the live board is held still (its feeds wait), so nothing
 * falls between the two boards. An event the live feeds had not reached yet is applied again after
 * the swap; applying a case event twice in a row leaves the line as once. The board's own red flags
 * (a due date passed with no event) are set again on the fresh board before the swap.
 */
@Component
public class BoardRebuild {

    private static final Logger log = LoggerFactory.getLogger(BoardRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Where a rebuild stands. */
    public record Progress(
            String state,
            String requestedBy,
            Instant startedAt,
            Instant finishedAt,
            long eventsTotal,
            long eventsRead,
            long eventsSkipped,
            long lines,
            String failure) {

        static Progress idle() {
            return new Progress("IDLE", null, null, null, 0, 0, 0, 0, null);
        }

        boolean running() {
            return state.equals("RUNNING");
        }

        Progress read(long read, long skipped) {
            return new Progress(state, requestedBy, startedAt, finishedAt, eventsTotal, read, skipped, lines, failure);
        }
    }

    private final Map<String, Object> consumerConfig;
    private final CaseEventReader reader;
    private final FreshBoard fresh;
    private final UnitOfWork work;
    private final Clock clock;
    private final Timer duration;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "board-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.idle());

    BoardRebuild(
            ConsumerFactory<?, ?> consumers,
            ObjectMapper json,
            FreshBoard fresh,
            UnitOfWork work,
            Clock clock,
            MeterRegistry registry) {
        this.consumerConfig = Map.copyOf(consumers.getConfigurationProperties());
        this.reader = new CaseEventReader(json);
        this.fresh = fresh;
        this.work = work;
        this.clock = clock;
        this.duration = Timer.builder("onewindow.board.rebuild")
                .description("replaying every service's topic into a fresh board and swapping it in")
                .register(registry);
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild; empty when one is already running. */
    public Optional<Progress> start(String requestedBy) {
        Progress started = new Progress("RUNNING", requestedBy, clock.instant(), null, 0, 0, 0, 0, null);
        Progress before = progress.get();
        if (before.running() || !progress.compareAndSet(before, started)) {
            return Optional.empty();
        }
        worker.submit(this::run);
        return Optional.of(started);
    }

    private void run() {
        Timer.Sample sample = Timer.start();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum()
                    - consumer.beginningOffsets(partitions).values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
            update(p -> new Progress(p.state(), p.requestedBy(), p.startedAt(), null, total, 0, 0, 0, null));
            fresh.begin();
            replayUntil(consumer, ends);
            work.run(() -> {
                fresh.holdLive();
                replayUntil(consumer, consumer.endOffsets(partitions));
                fresh.flagOverdue(clock.instant());
                long lines = fresh.lines();
                fresh.swap();
                update(p -> new Progress(
                        "DONE",
                        p.requestedBy(),
                        p.startedAt(),
                        clock.instant(),
                        Math.max(p.eventsTotal(), p.eventsRead()),
                        p.eventsRead(),
                        p.eventsSkipped(),
                        lines,
                        null));
            });
            Progress done = progress.get();
            log.info(
                    "board rebuilt from {} events ({} skipped) into {} lines in {} ms",
                    done.eventsRead(),
                    done.eventsSkipped(),
                    done.lines(),
                    Duration.between(done.startedAt(), done.finishedAt()).toMillis());
        } catch (RuntimeException e) {
            log.error("board rebuild failed; the live board stays as it was", e);
            update(p -> new Progress(
                    "FAILED",
                    p.requestedBy(),
                    p.startedAt(),
                    clock.instant(),
                    p.eventsTotal(),
                    p.eventsRead(),
                    p.eventsSkipped(),
                    0,
                    e.toString()));
        } finally {
            sample.stop(duration);
        }
    }

    /** Reads every partition up to {@code ends}, applying each poll's events as one batch. */
    private void replayUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                Long end = ends.get(new TopicPartition(r.topic(), r.partition()));
                if (end != null && r.offset() < end) {
                    batch.add(r);
                }
            }
            apply(batch);
            // records past the end stay for the next round (the catch-up under the hold)
            for (TopicPartition tp : records.partitions()) {
                long end = ends.getOrDefault(tp, 0L);
                if (consumer.position(tp) > end) {
                    consumer.seek(tp, end);
                }
            }
        }
    }

    private void apply(List<ConsumerRecord<String, byte[]>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Replayed> events = new ArrayList<>();
        long skipped = 0;
        for (ConsumerRecord<String, byte[]> r : batch) {
            try {
                events.add(new Replayed(reader.read(r.value()), serviceOf(r.topic())));
            } catch (MalformedCaseEvent e) {
                skipped++;
            }
        }
        Set<String> subjects = new LinkedHashSet<>();
        events.forEach(e -> subjects.add(e.event().subject()));
        Map<String, BoardCase> lines = new LinkedHashMap<>(fresh.find(subjects));
        Map<String, BoardCase> changed = new LinkedHashMap<>();
        for (Replayed replayed : events) {
            CaseEvent event = replayed.event();
            try {
                BoardEvents.apply(Optional.ofNullable(lines.get(event.subject())), replayed.service(), event)
                        .ifPresent(line -> {
                            lines.put(line.caseNumber(), line);
                            changed.put(line.caseNumber(), line);
                        });
            } catch (BoardEvents.Unusable e) {
                skipped++; // the live feed sent it to the dead-letter topic
            }
        }
        fresh.saveAll(changed.values());
        long dropped = skipped;
        update(p -> p.read(p.eventsRead() + batch.size(), p.eventsSkipped() + dropped));
    }

    private record Replayed(CaseEvent event, String service) {}

    private static String serviceOf(String topic) {
        return Arrays.stream(OwningService.values())
                .filter(s -> s.topic().equals(topic))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, List<PartitionInfo>> topics = consumer.listTopics();
        for (OwningService service : OwningService.values()) {
            for (PartitionInfo p : topics.getOrDefault(service.topic(), List.of())) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        return partitions;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(consumerConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private void update(java.util.function.UnaryOperator<Progress> change) {
        progress.updateAndGet(change);
    }
}
