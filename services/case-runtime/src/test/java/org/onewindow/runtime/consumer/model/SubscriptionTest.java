package org.onewindow.runtime.consumer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private final Subscription transfers = new Subscription(
            "utility-hookup",
            "transfer-cases",
            "onewindow.property-registration.case-events",
            Set.of("property.transfer-registered"));

    @Test
    void theGroupIsTheServiceAndTheConsumer() {
        assertThat(transfers.group()).isEqualTo("utility-hookup.transfer-cases");
    }

    @Test
    void eachConsumerHasADeadLetterTopicNextToItsSource() {
        assertThat(transfers.deadLetterTopic())
                .isEqualTo("onewindow.property-registration.case-events.utility-hookup.transfer-cases.dlt");
    }

    @Test
    void onlyTheSubscribedTypesAreHandled() {
        assertThat(transfers.subscribes("property.transfer-registered")).isTrue();
        assertThat(transfers.subscribes("case.accepted")).isFalse();
    }

    @Test
    void aDeclarationThatCannotWorkStopsStartUp() {
        assertThatThrownBy(() -> new Subscription("", "transfer-cases", "t", Set.of("a.b")))
                .hasMessageContaining("onewindow.service");
        assertThatThrownBy(() -> new Subscription("utility-hookup", "Transfer Cases", "t", Set.of("a.b")))
                .hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> new Subscription("utility-hookup", "transfer-cases", " ", Set.of("a.b")))
                .hasMessageContaining("no topic");
        assertThatThrownBy(() -> new Subscription("utility-hookup", "transfer-cases", "t", Set.of()))
                .hasMessageContaining("no event type");
    }
}
