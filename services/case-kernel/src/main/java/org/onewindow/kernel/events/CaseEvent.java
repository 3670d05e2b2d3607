package org.onewindow.kernel.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The one event envelope of the platform, CloudEvents-shaped: published inside the state-changing
 * transaction (Spring Modulith's publication log), relayed to the service's Kafka topic keyed by
 * {@code subject} = case number, and consumed idempotently by {@code id}.
 *
 * @param id unique event id (UUID); consumers deduplicate on it
 * @param type e.g. {@code case.accepted}; also the Kafka header {@code ce_type}
 * @param source the emitting service, e.g. {@code /onewindow/enterprise-opening}
 * @param subject the case number
 * @param time when the change happened (from the service's clock, never {@code Instant.now()} in a
 *     domain object)
 * @param jurisdiction the case's jurisdiction
 * @param data the event-specific payload, described by a JSON Schema in docs/events/
 * @param traceparent W3C trace context of the request that caused it (may be null)
 */
public record CaseEvent(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String jurisdiction,
        Map<String, Object> data,
        String traceparent) {

    public static final String SPEC_VERSION = "1.0";

    public CaseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
