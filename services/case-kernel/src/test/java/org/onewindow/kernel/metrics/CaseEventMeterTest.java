package org.onewindow.kernel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.metrics.infrastructure.CaseEventMeter;

class CaseEventMeterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CaseEventMeter meter = new CaseEventMeter(registry);
    private final Instant now = Instant.parse("2026-12-04T02:00:00Z");

    private CaseEvent event(String type, Map<String, Object> data) {
        return new CaseEvent(
                CaseEvent.SPEC_VERSION,
                java.util.UUID.randomUUID().toString(),
                type,
                "/onewindow/test",
                "FC-EO-1",
                now,
                "FC",
                data,
                null);
    }

    @Test
    void acceptedCasesAreCountedByMatterAndChannelAndEveryEventByType() {
        meter.on(event("case.accepted", Map.of("matterCode", "EO-1", "channel", "WINDOW")));
        meter.on(event("case.accepted", Map.of("matterCode", "EO-1", "channel", "WINDOW")));
        meter.on(event("case.sla-breached", Map.of()));

        assertThat(registry.get("onewindow.cases.accepted")
                        .tag("matter", "EO-1")
                        .tag("channel", "WINDOW")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("onewindow.case.events")
                        .tag("type", "case.sla-breached")
                        .tag("jurisdiction", "FC")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStepsDurationRunsFromItsStartToTheEvent() {
        meter.on(event("case.step-completed", Map.of("step", "review", "startedAt", "2026-12-04T01:30:00Z")));
        meter.on(event("case.step-completed", Map.of("step", "review", "startedAt", "yesterday")));
        meter.on(event("case.step-completed", Map.of("step", "review")));

        var timer =
                registry.get("onewindow.step.duration").tag("step", "review").timer();
        assertThat(timer.count())
                .as("only the event that says when the step began")
                .isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MINUTES)).isEqualTo(30);
    }
}
