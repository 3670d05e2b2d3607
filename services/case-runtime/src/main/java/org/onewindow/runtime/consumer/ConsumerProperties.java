package org.onewindow.runtime.consumer;

import java.time.Duration;
import org.onewindow.runtime.consumer.model.Redelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the service's event consumers ({@code onewindow.consumers.*}), the same for every
 * handler. A handler that keeps failing is delivered {@code attempts} times, after waits of 1, 2,
 * 4 and 8 s by default (15 s in all), then dead-lettered.
 *
 * @param attempts deliveries of a failing record in all, the first included; then the dead-letter
 *     topic
 * @param initialInterval the wait after the first failure
 * @param multiplier each further wait is the previous one times this
 * @param maxInterval no single wait is longer
 * @param concurrency consumer threads per handler; more than the topic's partitions stay idle
 * @param deadLetterPartitions partitions of the dead-letter topics the runtime creates if they do
 *     not exist (dead letters are partitioned by key, so any number keeps a case's letters in order)
 * @param lagInterval how often the broker is asked for the consumers' lag
 */
@ConfigurationProperties("onewindow.consumers")
public record ConsumerProperties(
        @DefaultValue("5") int attempts,
        @DefaultValue("1s") Duration initialInterval,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("30s") Duration maxInterval,
        @DefaultValue("1") int concurrency,
        @DefaultValue("1") int deadLetterPartitions,
        @DefaultValue("15s") Duration lagInterval) {

    public ConsumerProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("onewindow.consumers.concurrency must be at least 1");
        }
        if (deadLetterPartitions < 1) {
            throw new IllegalArgumentException("onewindow.consumers.dead-letter-partitions must be at least 1");
        }
        if (lagInterval == null || lagInterval.isNegative() || lagInterval.isZero()) {
            throw new IllegalArgumentException("onewindow.consumers.lag-interval must be positive");
        }
        redelivery(attempts, initialInterval, multiplier, maxInterval);
    }

    public Redelivery redelivery() {
        return redelivery(attempts, initialInterval, multiplier, maxInterval);
    }

    private static Redelivery redelivery(int attempts, Duration initial, double multiplier, Duration max) {
        return new Redelivery(attempts, initial, multiplier, max);
    }
}
