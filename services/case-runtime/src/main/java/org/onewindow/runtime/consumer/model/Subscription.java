package org.onewindow.runtime.consumer.model;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one consumer of a service listens to, and the names that follow from it: the consumer id
 * the inbox deduplicates under, the Kafka consumer group and the dead-letter topic.
 *
 * <p>The group is {@code <service>.<consumer>} (e.g. {@code utility-hookup.transfer-cases}): each
 * consumer of each service keeps its own offsets, so two services, or two consumers of one service,
 * each receive every event of the topic.
 *
 * <p>The dead-letter topic is {@code <topic>.<group>.dlt}, one per consumer rather than one shared
 * {@code <topic>.dlt}: several services read one source topic (supervision and utility-hookup both
 * read property-registration's), and what one of them could not handle is that consumer's to
 * inspect and replay. A shared topic would mix their failures, and a replay would reach consumers
 * that had handled the event (the inbox would absorb it, but the owner would be unclear). The name
 * still starts with the source topic, so the dead letters of a topic sort next to it.
 *
 * @param service the consuming service's id ({@code onewindow.service})
 * @param consumer the consumer's name, unique within the service; kebab-case
 * @param topic the topic read, e.g. {@code onewindow.property-registration.case-events}
 * @param eventTypes the event types handled; every other type on the topic is skipped
 */
public record Subscription(String service, String consumer, String topic, Set<String> eventTypes) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Subscription {
        require(
                service != null && !service.isBlank(),
                "a consumer needs onewindow.service (the group is named after it)");
        require(
                consumer != null && KEBAB.matcher(consumer).matches(),
                "consumer name '" + consumer + "' must be kebab-case, e.g. transfer-cases");
        require(topic != null && !topic.isBlank(), "consumer '" + consumer + "' names no topic");
        require(eventTypes != null && !eventTypes.isEmpty(), "consumer '" + consumer + "' subscribes to no event type");
        require(
                eventTypes.stream().allMatch(t -> t != null && !t.isBlank()),
                "consumer '" + consumer + "' names a blank event type");
        eventTypes = Set.copyOf(eventTypes);
    }

    /** The Kafka consumer group: {@code <service>.<consumer>}. */
    public String group() {
        return service + "." + consumer;
    }

    /** Where records this consumer cannot handle end: {@code <topic>.<group>.dlt}. */
    public String deadLetterTopic() {
        return topic + "." + group() + ".dlt";
    }

    public boolean subscribes(String eventType) {
        return eventTypes.contains(Objects.requireNonNull(eventType, "eventType"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
