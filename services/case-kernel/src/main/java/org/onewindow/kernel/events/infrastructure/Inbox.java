package org.onewindow.kernel.events.infrastructure;

import org.onewindow.kernel.events.CaseEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent consumption: an event id is handled once per consumer. The inbox row and the handler's
 * own changes commit in one transaction, so a redelivered event (Kafka is at-least-once) is
 * recognised and skipped.
 */
public final class Inbox {
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public Inbox(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Runs {@code handler} unless this consumer already handled the event; true if it ran. */
    public boolean handleOnce(String consumer, CaseEvent event, java.util.function.Consumer<CaseEvent> handler) {
        Boolean ran = transaction.execute(status -> {
            int inserted = jdbc.sql(
                            """
                            INSERT INTO inbox (consumer, event_id, event_type, subject)
                            VALUES (:consumer, :id, :type, :subject)
                            ON CONFLICT (consumer, event_id) DO NOTHING""")
                    .param("consumer", consumer)
                    .param("id", event.id())
                    .param("type", event.type())
                    .param("subject", event.subject())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
