package org.onewindow.runtime.consumer.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLettersTest {

    @Test
    void theReasonOfAMalformedRecordNamesTheDefect() {
        var wrapped =
                new ListenerExecutionFailedException("Listener failed", new MalformedCaseEvent("missing field id"));

        assertThat(DeadLetters.reason(wrapped)).isEqualTo("malformed: missing field id");
    }

    @Test
    void theReasonOfAFailedHandlerNamesItsException() {
        var wrapped = new ListenerExecutionFailedException(
                "Listener failed", new IllegalStateException("the department is down"));

        assertThat(DeadLetters.reason(wrapped))
                .isEqualTo("failed: java.lang.IllegalStateException: the department is down");
    }
}
