package org.onewindow.runtime.consumer.infrastructure;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.events.CaseEvent;

/**
 * Reads a Kafka record's value as the platform's event envelope ({@link CaseEvent}, docs/events.md
 * and docs/events/envelope.schema.json) and checks what every consumer relies on: the fields the
 * schema requires are there, are strings where strings are expected, {@code time} is an instant
 * and {@code data} an object. Anything else is a {@link MalformedCaseEvent} naming the defect.
 *
 * <p>It is deliberately no stricter than that: fields it does not know are ignored (the schema
 * allows them, and a producer may add some before its consumers know them), and the patterns of
 * {@code subject} or {@code source} are not enforced here, since a consumer that has the event can
 * decide for itself what it accepts. Top-level {@code null} values in {@code data} are dropped, as
 * the platform's producers leave absent values out anyway.
 */
public final class CaseEventReader {

    private static final List<String> REQUIRED_TEXT = List.of("id", "type", "source", "subject", "jurisdiction");
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

    private final ObjectMapper json;

    public CaseEventReader(ObjectMapper json) {
        this.json = json;
    }

    public CaseEvent read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedCaseEvent("no value (an empty record or a tombstone), not a case event");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedCaseEvent("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedCaseEvent("unreadable: " + e.getMessage(), e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedCaseEvent("not a JSON object, so not a case event");
        }
        String specversion = text(envelope, "specversion");
        if (!CaseEvent.SPEC_VERSION.equals(specversion)) {
            throw new MalformedCaseEvent(
                    "specversion is '" + specversion + "', this runtime reads " + CaseEvent.SPEC_VERSION);
        }
        for (String field : REQUIRED_TEXT) {
            text(envelope, field);
        }
        return new CaseEvent(
                specversion,
                text(envelope, "id"),
                text(envelope, "type"),
                text(envelope, "source"),
                text(envelope, "subject"),
                instant(envelope),
                text(envelope, "jurisdiction"),
                data(envelope),
                optionalText(envelope, "traceparent"));
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode node = envelope.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedCaseEvent("missing field " + field);
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new MalformedCaseEvent("field " + field + " must be a non-blank string, was " + node);
        }
        return node.asText();
    }

    private static String optionalText(JsonNode envelope, String field) {
        JsonNode node = envelope.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode envelope) {
        String time = text(envelope, "time");
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedCaseEvent("field time must be an ISO-8601 date-time with offset, was '" + time + "'", e);
        }
    }

    private Map<String, Object> data(JsonNode envelope) {
        JsonNode node = envelope.get("data");
        if (node == null || node.isNull()) {
            throw new MalformedCaseEvent("missing field data (an object, {} when empty)");
        }
        if (!node.isObject()) {
            throw new MalformedCaseEvent("field data must be an object, was " + node.getNodeType());
        }
        Map<String, Object> data = new LinkedHashMap<>(json.convertValue(node, DATA));
        data.values().removeIf(v -> v == null);
        return data;
    }
}
