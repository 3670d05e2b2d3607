package org.onewindow.runtime.consumer.infrastructure;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.events.infrastructure.Inbox;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * One consumer's way from a Kafka record to its handler: types it does not subscribe to are
 * skipped (by the {@code ce_type} header when there is one, without reading the value), the value
 * is read as an envelope ({@link CaseEventReader}; a malformed one throws {@link
 * MalformedCaseEvent}), and the handler runs through the kernel's {@link Inbox}, so its changes and
 * the inbox row commit in one transaction and a redelivered event is skipped.
 *
 * <p>Whatever the handler throws propagates: the inbox transaction has rolled back, and the
 * container's error handler delivers the record again or dead-letters it.
 */
public final class CaseEventListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventListener.class);
    static final String TYPE_HEADER = "ce_type";

    private final Subscription subscription;
    private final CaseEventHandler handler;
    private final CaseEventReader reader;
    private final Inbox inbox;
    private final ConsumerMetrics metrics;

    public CaseEventListener(
            Subscription subscription,
            CaseEventHandler handler,
            CaseEventReader reader,
            Inbox inbox,
            ConsumerMetrics metrics) {
        this.subscription = subscription;
        this.handler = handler;
        this.reader = reader;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        String announced = header(record, TYPE_HEADER);
        if (announced != null && !subscription.subscribes(announced)) {
            skip(record, announced);
            return;
        }
        CaseEvent event = reader.read(record.value());
        if (!subscription.subscribes(event.type())) {
            skip(record, event.type());
            return;
        }
        if (inbox.handleOnce(subscription.consumer(), event, handler::handle)) {
            metrics.handled();
            log.debug(
                    "{} handled {} {} of case {}", subscription.consumer(), event.type(), event.id(), event.subject());
        } else {
            metrics.duplicate();
            log.debug("{} already handled {} {}: skipped", subscription.consumer(), event.type(), event.id());
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String type) {
        metrics.skipped();
        log.trace(
                "{} skips {} at {}-{}@{}",
                subscription.consumer(),
                type,
                record.topic(),
                record.partition(),
                record.offset());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        // Modulith's externaliser writes header values as JSON strings ("case.accepted", quoted)
        String value = new String(header.value(), StandardCharsets.UTF_8).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isBlank() ? null : value;
    }
}
