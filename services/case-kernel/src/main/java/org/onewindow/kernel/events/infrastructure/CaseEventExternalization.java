package org.onewindow.kernel.events.infrastructure;

import java.util.HashMap;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Relays every {@link CaseEvent} from the publication log to the service's topic, keyed by case
 * number so one case's events stay in order on one partition, with CloudEvents headers.
 */
public final class CaseEventExternalization {
    private CaseEventExternalization() {}

    public static EventExternalizationConfiguration forService(OwningService service) {
        String topic = service.topic();
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof CaseEvent)
                .route(CaseEvent.class, e -> RoutingTarget.forTarget(topic).andKey(e.subject()))
                .headers(CaseEvent.class, CaseEventExternalization::headers)
                .build();
    }

    static Map<String, Object> headers(CaseEvent e) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("ce_specversion", e.specversion());
        headers.put("ce_id", e.id());
        headers.put("ce_type", e.type());
        headers.put("ce_source", e.source());
        headers.put("ce_subject", e.subject());
        headers.put("ce_time", e.time().toString());
        if (e.traceparent() != null) {
            headers.put("traceparent", e.traceparent());
        }
        return headers;
    }
}
