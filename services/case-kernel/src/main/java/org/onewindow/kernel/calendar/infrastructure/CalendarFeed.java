package org.onewindow.kernel.calendar.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.onewindow.kernel.clock.model.CalendarYear;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every app follows the holiday notices loaded at run time: it reads topic {@value #TOPIC} from its
 * beginning (no consumer group: each instance needs every year) and loads each year into its {@link
 * LiveCalendar}, so a new year takes effect in every service within seconds and survives restarts.
 * A record that is not a valid year is logged and counted, never applied; the publisher validated
 * it already, so one only appears if someone wrote to the topic by hand.
 */
public class CalendarFeed implements SmartLifecycle {

    /** Kept for good (retention -1), one partition: loads are a few a year and their order matters. */
    public static final String TOPIC = "onewindow.calendar";

    private static final Logger log = LoggerFactory.getLogger(CalendarFeed.class);

    private final String bootstrapServers;
    private final LiveCalendar calendar;
    private final ObjectMapper json;
    private final AtomicLong loaded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public CalendarFeed(String bootstrapServers, LiveCalendar calendar, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.calendar = calendar;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::follow, "onewindow-calendar-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Years loaded from the topic since start, and records refused. */
    public long loaded() {
        return loaded.get();
    }

    public long refused() {
        return refused.get();
    }

    private void follow() {
        while (running) {
            try {
                ensureTopic();
                read();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("calendar feed: {}; retrying in 10 s", e.toString());
                pause(Duration.ofSeconds(10));
            }
        }
    }

    private void read() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "onewindow-calendar-feed");
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            c.assign(List.of(partition));
            c.seekToBeginning(List.of(partition));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } finally {
            consumer = null;
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        try {
            CalendarNotice notice = json.readValue(record.value(), CalendarNotice.class);
            CalendarYear year = notice.calendarYear();
            calendar.load(year);
            loaded.incrementAndGet();
            log.info(
                    "holiday calendar {} in force: {} holidays, {} make-up days; loaded by {} at {} ({})",
                    year.year(),
                    year.holidays(),
                    year.makeUpDays(),
                    notice.loadedBy(),
                    notice.loadedAt(),
                    notice.reason());
        } catch (Exception e) {
            refused.incrementAndGet();
            log.error(
                    "calendar record at offset {} refused, the calendar is unchanged: {}",
                    record.offset(),
                    e.toString());
        }
    }

    /** The topic with unlimited retention, created before anything could auto-create it with the broker's default. */
    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                // the admin client refuses an api time-out below its request time-out (30 s)
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000))) {
            admin.createTopics(List.of(
                            new NewTopic(TOPIC, 1, (short) -1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                    .all()
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 20 s", e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
