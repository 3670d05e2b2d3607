package org.onewindow.runtime.consumer.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.events.CaseEvent;

class CaseEventReaderTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CaseEventReader reader = new CaseEventReader(json);

    private final CaseEvent transfer = new CaseEvent(
            "1.0",
            "3f1c2a0e-8b7d-4c1e-9f6a-2b5d7e9a1c3f",
            "property.transfer-registered",
            "/onewindow/property-registration",
            "FC-PR-20261123-004242-Q",
            Instant.parse("2026-11-23T01:05:00Z"),
            "FC",
            Map.of("parcel", "FC-0042", "floors", 3),
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    @Test
    void anEnvelopeAsTheOutboxWritesItIsReadBack() throws Exception {
        CaseEvent read = reader.read(json.writeValueAsBytes(transfer));

        assertThat(read).isEqualTo(transfer);
    }

    @Test
    void fieldsItDoesNotKnowAreIgnoredAndAbsentTraceparentIsNull() {
        ObjectNode envelope = envelope();
        envelope.remove("traceparent");
        envelope.put("dataschema", "https://onewindow.example/events/property.transfer-registered.schema.json");

        CaseEvent read = reader.read(bytes(envelope));

        assertThat(read.traceparent()).isNull();
        assertThat(read.id()).isEqualTo(transfer.id());
    }

    @Test
    void anOffsetTimeIsTheSameInstant() {
        ObjectNode envelope = envelope();
        envelope.put("time", "2026-11-23T09:05:00+08:00");

        assertThat(reader.read(bytes(envelope)).time()).isEqualTo(transfer.time());
    }

    @Test
    void nullValuesInDataAreLeftOut() {
        ObjectNode envelope = envelope();
        ((ObjectNode) envelope.get("data")).putNull("comment");

        assertThat(reader.read(bytes(envelope)).data())
                .doesNotContainKey("comment")
                .containsKey("parcel");
    }

    @Test
    void notJsonIsMalformed() {
        assertThatThrownBy(() -> reader.read("transfer registered!".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedCaseEvent.class)
                .hasMessageStartingWith("not JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        assertThatThrownBy(() -> reader.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedCaseEvent.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void anEmptyValueIsMalformed() {
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(MalformedCaseEvent.class);
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(MalformedCaseEvent.class);
    }

    @Test
    void eachRequiredFieldIsNamedWhenMissing() {
        for (String field : new String[] {"id", "type", "source", "subject", "time", "jurisdiction", "data"}) {
            ObjectNode envelope = envelope();
            envelope.remove(field);

            assertThatThrownBy(() -> reader.read(bytes(envelope)))
                    .as(field)
                    .isInstanceOf(MalformedCaseEvent.class)
                    .hasMessageContaining("missing field " + field);
        }
    }

    @Test
    void aBlankOrNonTextIdIsMalformed() {
        ObjectNode blank = envelope();
        blank.put("id", " ");
        ObjectNode number = envelope();
        number.put("id", 42);

        assertThatThrownBy(() -> reader.read(bytes(blank))).hasMessageContaining("field id");
        assertThatThrownBy(() -> reader.read(bytes(number))).hasMessageContaining("field id");
    }

    @Test
    void anotherSpecVersionIsMalformed() {
        ObjectNode envelope = envelope();
        envelope.put("specversion", "2.0");

        assertThatThrownBy(() -> reader.read(bytes(envelope))).hasMessageContaining("specversion");
    }

    @Test
    void aTimeThatIsNotADateTimeIsMalformed() {
        ObjectNode envelope = envelope();
        envelope.put("time", "Monday morning");

        assertThatThrownBy(() -> reader.read(bytes(envelope))).hasMessageContaining("field time");
    }

    @Test
    void dataThatIsNotAnObjectIsMalformed() {
        ObjectNode envelope = envelope();
        envelope.put("data", "parcel FC-0042");

        assertThatThrownBy(() -> reader.read(bytes(envelope))).hasMessageContaining("field data must be an object");
    }

    private ObjectNode envelope() {
        return json.valueToTree(transfer);
    }

    private byte[] bytes(ObjectNode envelope) {
        try {
            return json.writeValueAsBytes(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
