package org.onewindow.runtime.consumer.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.runtime.consumer.model.Subscription;

/**
 * The counters of one consumer, tagged {@code consumer=<name>}; registered when the consumer is
 * set up, so they read 0 rather than being absent before the first event (an alert on the rate of
 * {@code onewindow.consumer.dead-lettered} then has a series from the start).
 */
public final class ConsumerMetrics {

    static final String HANDLED = "onewindow.consumer.handled";
    static final String DUPLICATES = "onewindow.consumer.duplicates";
    static final String SKIPPED = "onewindow.consumer.skipped";
    static final String DEAD_LETTERED = "onewindow.consumer.dead-lettered";

    private final Counter handled;
    private final Counter duplicates;
    private final Counter skipped;
    private final Counter deadLettered;

    public ConsumerMetrics(MeterRegistry registry, Subscription subscription) {
        this.handled = counter(registry, subscription, HANDLED, "events handled (the handler ran and committed)");
        this.duplicates =
                counter(registry, subscription, DUPLICATES, "events delivered again and skipped by the inbox");
        this.skipped = counter(registry, subscription, SKIPPED, "events of types the consumer does not subscribe to");
        this.deadLettered =
                counter(registry, subscription, DEAD_LETTERED, "records published to the consumer's dead-letter topic");
    }

    private static Counter counter(MeterRegistry registry, Subscription subscription, String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag("consumer", subscription.consumer())
                .register(registry);
    }

    void handled() {
        handled.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
