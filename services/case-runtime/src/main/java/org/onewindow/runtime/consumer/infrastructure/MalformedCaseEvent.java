package org.onewindow.runtime.consumer.infrastructure;

/**
 * A record whose value is not a case-event envelope: not JSON, or a required field missing or of
 * the wrong kind. No later delivery can change that, so the record is dead-lettered at once,
 * without retries (the error handler classifies this exception as not retryable).
 */
public class MalformedCaseEvent extends RuntimeException {

    public MalformedCaseEvent(String message) {
        super(message);
    }

    public MalformedCaseEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
