package org.onewindow.kernel.events;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds envelopes for one service with its clock and id source, so tests can fix both. */
public final class CaseEventFactory {
    private final String source;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public CaseEventFactory(String serviceId, Clock clock, Supplier<UUID> ids) {
        this.source = "/onewindow/" + serviceId;
        this.clock = clock;
        this.ids = ids;
    }

    public CaseEvent create(
            String type, String caseNumber, String jurisdiction, Map<String, Object> data, String traceparent) {
        return new CaseEvent(
                CaseEvent.SPEC_VERSION,
                ids.get().toString(),
                type,
                source,
                caseNumber,
                clock.instant(),
                jurisdiction,
                data,
                traceparent);
    }
}
