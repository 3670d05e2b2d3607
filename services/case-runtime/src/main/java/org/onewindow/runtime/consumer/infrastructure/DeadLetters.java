package org.onewindow.runtime.consumer.infrastructure;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.onewindow.runtime.consumer.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record one consumer has given up on to that consumer's dead-letter topic ({@link
 * Subscription#deadLetterTopic()}), then counts it.
 *
 * <p>The dead letter is the original record: the same key (the case number), the same value bytes
 * (also when they are not JSON) and the same headers ({@code ce_*}, {@code traceparent}), plus
 * spring-kafka's {@code kafka_dlt-*} headers (original topic, partition, offset, consumer group,
 * exception class, message and stack trace), {@code kafka_deliveryAttempt} (how many deliveries
 * failed: 1 for a malformed record, the configured attempts for a handler that kept failing) and
 * {@link #REASON_HEADER}, one line for a person reading the topic.
 *
 * <p>No partition is chosen: the producer partitions by key, so one case's dead letters stay in
 * order and the dead-letter topic may have fewer partitions than the source (spring-kafka's
 * default would send to the source's partition number, which must then exist).
 *
 * <p>The send is awaited ({@link DeadLetterPublishingRecoverer} fails when the broker does not
 * acknowledge). If it fails, the error handler does not commit the offset and delivers the record
 * again: a record is never both missing from the dead-letter topic and skipped.
 */
public final class DeadLetters implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Why the record was dead-lettered: {@code malformed: …} or {@code failed: <exception>: …}. */
    public static final String REASON_HEADER = "onewindow_dlt-reason";

    private final Subscription subscription;
    private final DeadLetterPublishingRecoverer publisher;
    private final ConsumerMetrics metrics;

    public DeadLetters(Subscription subscription, KafkaOperations<String, byte[]> template, ConsumerMetrics metrics) {
        this.subscription = subscription;
        this.metrics = metrics;
        this.publisher = new DeadLetterPublishingRecoverer(
                template, (record, exception) -> new TopicPartition(subscription.deadLetterTopic(), -1));
        this.publisher.addHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        publisher.accept(record, consumer, exception);
        metrics.deadLettered();
        log.error(
                "{} dead-lettered {}-{}@{} (key {}) to {}: {}",
                subscription.consumer(),
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                subscription.deadLetterTopic(),
                reason(exception));
    }

    static String reason(Throwable exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        MalformedCaseEvent malformed = find(exception, MalformedCaseEvent.class);
        if (malformed != null) {
            return "malformed: " + malformed.getMessage();
        }
        return "failed: " + cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
