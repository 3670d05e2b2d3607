package org.onewindow.runtime.fakes;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.events.CaseEvent;
import org.springframework.context.ApplicationEventPublisher;

/** Keeps every case event the journal publishes, in order (the outbox, without the database). */
public final class RecordingPublisher implements ApplicationEventPublisher {

    private final List<CaseEvent> events = new ArrayList<>();

    @Override
    public void publishEvent(Object event) {
        if (!(event instanceof CaseEvent caseEvent)) {
            throw new IllegalArgumentException("only case events are published, not " + event);
        }
        events.add(caseEvent);
    }

    public List<CaseEvent> all() {
        return List.copyOf(events);
    }

    public List<String> types() {
        return events.stream().map(CaseEvent::type).toList();
    }

    /** The types of the events of one case, in order. */
    public List<String> typesOf(String caseNumber) {
        return events.stream()
                .filter(e -> e.subject().equals(caseNumber))
                .map(CaseEvent::type)
                .toList();
    }

    public List<CaseEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The one event of a type for a case; fails when there is none or more than one. */
    public CaseEvent single(String type, String caseNumber) {
        List<CaseEvent> found = events.stream()
                .filter(e -> e.type().equals(type) && e.subject().equals(caseNumber))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " of " + caseNumber + ", found " + found.size());
        }
        return found.get(0);
    }

    public void clear() {
        events.clear();
    }
}
