package org.onewindow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The schema check the service tests rely on does reject a wrong event. */
class EventSchemasTest {

    private final ObjectMapper json = new ObjectMapper();

    private String decided(String decision) {
        return """
            {"specversion":"1.0","id":"0b6c3f55-3b8e-4f57-9d43-0f1e7c9a2d11","type":"case.decided",
             "source":"/onewindow/enterprise-opening","subject":"FC-EO-20261122-000042-C",
             "time":"2026-11-22T02:00:00Z","jurisdiction":"FC","data":{"decision":"%s"}}"""
                .formatted(decision);
    }

    @Test
    void aConformingEventPassesAndAWrongOneIsNamed() throws Exception {
        assertThat(EventSchemas.violations(json.readTree(decided("APPROVED")))).isEmpty();
        assertThat(EventSchemas.violations(json.readTree(decided("MAYBE")))).contains("decision");
        assertThat(EventSchemas.violations(json.readTree(decided("APPROVED").replace("\"FC\"", "\"fc\""))))
                .isNotEmpty();
    }
}
