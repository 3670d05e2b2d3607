package org.onewindow.runtime.consumer;

import java.util.Set;
import org.onewindow.kernel.events.CaseEvent;

/**
 * How a service reacts to another service's case events: declare a bean of this interface and the
 * runtime consumes the topic for it. Each handler gets its own Kafka consumer group ({@code
 * <onewindow.service>.<name>}), so it sees every event of the topic whatever other handlers or
 * services do.
 *
 * <p>What the runtime guarantees around {@link #handle}:
 *
 * <ul>
 *   <li>only events of {@link #eventTypes()} arrive, as a validated envelope;
 *   <li>each event id is handled once per handler name: {@code handle} runs inside the kernel
 *       inbox's transaction, so its database changes commit together with the inbox row, and an
 *       event delivered again (Kafka and the outbox deliver at least once) is skipped;
 *   <li>if {@code handle} throws, its changes roll back and the event is delivered again, with
 *       exponential back-off ({@code onewindow.consumers.*}); after the last attempt it goes to the
 *       dead-letter topic {@code <topic>.<group>.dlt} and the consumer moves on. Events of the same
 *       case (same partition) wait meanwhile, so they are handled in order.
 * </ul>
 *
 * <p>So {@code handle} should do its work in the database of its own service, through the same
 * {@code DataSource} (JdbcClient, repositories), and publish any resulting case events through the
 * outbox ({@code CaseJournal} / {@code ApplicationEventPublisher}) in the same transaction. Calls to
 * other systems are not rolled back: make them idempotent by the event id, or publish an event and
 * call them from a step of a workflow.
 */
public interface CaseEventHandler {

    /**
     * The consumer's name, kebab-case and unique within the service, e.g. {@code transfer-cases}:
     * the inbox's consumer id and the suffix of the consumer group. Renaming it starts a new group
     * (from the topic's beginning) and a new inbox record, so every retained event is handled
     * again.
     */
    String name();

    /** The topic read, usually the producing service's: {@code OwningService.X.topic()}. */
    String topic();

    /** The event types handled ({@code CaseEvent.type()}); the topic's other types are skipped. */
    Set<String> eventTypes();

    /** Reacts to one event, in the inbox's transaction; throws to have it delivered again. */
    void handle(CaseEvent event);
}
