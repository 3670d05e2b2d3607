package org.onewindow.runtime.consumer.it;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A handler as a service would write one: it records its effect in the service's database (the
 * table {@code consumer_effect}), then follows a script that may fail, block or succeed. The effect
 * is written before the script runs, so a failing attempt proves its changes roll back with the
 * inbox row.
 */
final class ScriptedHandler implements CaseEventHandler {

    /** What the handler does after writing its effect, on the given attempt (1, 2, …) of an event. */
    interface Script {
        void run(CaseEvent event, int attempt) throws Exception;
    }

    private final String name;
    private final String topic;
    private final Set<String> types;
    private final JdbcClient jdbc;
    private final Script script;
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    ScriptedHandler(String name, String topic, Set<String> types, JdbcClient jdbc, Script script) {
        this.name = name;
        this.topic = topic;
        this.types = types;
        this.jdbc = jdbc;
        this.script = script;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Set<String> eventTypes() {
        return types;
    }

    @Override
    public void handle(CaseEvent event) {
        int attempt = invocations
                .computeIfAbsent(event.id(), id -> new AtomicInteger())
                .incrementAndGet();
        jdbc.sql("INSERT INTO consumer_effect (consumer, event_id, attempt) VALUES (?, ?, ?)")
                .params(name, event.id(), attempt)
                .update();
        try {
            script.run(event, attempt);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often the handler was called for an event, committed or not. */
    int invocations(String eventId) {
        AtomicInteger n = invocations.get(eventId);
        return n == null ? 0 : n.get();
    }
}
