package org.onewindow.runtime.consumer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedeliveryTest {

    @Test
    void theDefaultsWaitOneTwoFourAndEightSecondsBeforeTheDeadLetter() {
        Redelivery defaults = new Redelivery(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

        assertThat(defaults.retries()).isEqualTo(4);
        assertThat(defaults.waits())
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(defaults.totalWait()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void noWaitIsLongerThanTheMaximum() {
        Redelivery capped = new Redelivery(7, Duration.ofSeconds(1), 3.0, Duration.ofSeconds(30));

        assertThat(capped.waits())
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(9),
                        Duration.ofSeconds(27),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(new Redelivery(1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1)).waits())
                .isEmpty();
    }

    @Test
    void retriesThatWouldOutlastThePollIntervalAreRefused() {
        Redelivery long_ = new Redelivery(20, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1));

        assertThatThrownBy(() -> long_.requireTotalWaitBelow(Duration.ofMinutes(5)))
                .hasMessageContaining("max.poll.interval.ms");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Redelivery(0, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1)))
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> new Redelivery(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Redelivery(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1)))
                .hasMessageContaining("max interval");
    }
}
