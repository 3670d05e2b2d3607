package org.onewindow.runtime.consumer.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How often, and how far apart, a record whose handler fails is delivered again before it goes to
 * the dead-letter topic: exponential back-off, capped.
 *
 * <p>The waits happen on the consumer's thread while the record's partition holds still, so the
 * later events of the same case never overtake the failing one. Their sum must therefore stay well
 * below the Kafka consumer's {@code max.poll.interval.ms} (5 min by default), or the broker would
 * take the partitions away mid-retry; {@link #totalWait()} is checked against a limit at start-up.
 *
 * @param attempts deliveries in all, the first included (1 = no retry)
 * @param initialInterval the wait after the first failure
 * @param multiplier each further wait is the previous one times this
 * @param maxInterval no single wait is longer
 */
public record Redelivery(int attempts, Duration initialInterval, double multiplier, Duration maxInterval) {

    public Redelivery {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (initialInterval == null || initialInterval.isNegative()) {
            throw new IllegalArgumentException("initial interval must be zero or more, was " + initialInterval);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (maxInterval == null || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "max interval " + maxInterval + " must not be below the initial interval " + initialInterval);
        }
    }

    /** Deliveries after the first. */
    public int retries() {
        return attempts - 1;
    }

    /** The waits before the second, third, … delivery. */
    public List<Duration> waits() {
        List<Duration> waits = new ArrayList<>();
        double next = initialInterval.toMillis();
        for (int i = 0; i < retries(); i++) {
            waits.add(Duration.ofMillis((long) Math.min(next, maxInterval.toMillis())));
            next = next * multiplier;
        }
        return waits;
    }

    /** How long a record that always fails holds its partition before it is dead-lettered. */
    public Duration totalWait() {
        return waits().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Fails when a failing record would hold its partition longer than {@code limit}. */
    public Redelivery requireTotalWaitBelow(Duration limit) {
        if (totalWait().compareTo(limit) >= 0) {
            throw new IllegalArgumentException("retries wait " + totalWait() + " in all, not below " + limit
                    + " (the consumer's max.poll.interval.ms): fewer attempts or shorter intervals");
        }
        return this;
    }
}
