package org.onewindow.runtime.consumer;

import org.onewindow.runtime.consumer.infrastructure.MalformedCaseEvent;

/**
 * Thrown by a {@link CaseEventHandler} whose event is a valid envelope but whose {@code data} it
 * cannot use (a required field missing, a value out of range): no later delivery can change that,
 * so the event goes to the dead-letter topic at once, without retries, and nothing is stored.
 */
public class MalformedEventData extends MalformedCaseEvent {

    public MalformedEventData(String message) {
        super(message);
    }
}
