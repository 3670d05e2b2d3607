package org.onewindow.runtime.consumer.it;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The kernel and the event consumers, without the rest of the runtime (Camunda, intake, case
 * file): what consuming needs, on the test kit's PostgreSQL and Kafka. Its handlers are the
 * scenarios of {@link CaseEventConsumerIntegrationTest}, one consumer and one topic each, so their
 * counters and offsets do not mix.
 */
@SpringBootApplication(
        excludeName = {
            "org.onewindow.runtime.config.CaseRuntimeAutoConfiguration",
            "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
            "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"
        })
public class ConsumerTestApplication {

    static final String TRANSFER = "property.transfer-registered";
    /** The application's own topic: events reach it through the kernel's outbox, as in production. */
    static final String OWN_TOPIC = OwningService.UTILITY_HOOKUP.topic();

    static final String FLAKY_TOPIC = "consumer-it.flaky.case-events";
    static final String BROKEN_TOPIC = "consumer-it.broken.case-events";
    static final String STRICT_TOPIC = "consumer-it.strict.case-events";
    static final String SLOW_TOPIC = "consumer-it.slow.case-events";

    /** Failures of the flaky handler before it succeeds (fewer than the configured attempts). */
    static final int FLAKY_FAILURES = 2;

    /** Holds the slow handler on events with {@code data.block = true} until opened. */
    static final CountDownLatch SLOW_GATE = new CountDownLatch(1);

    /** No catalogue is needed to consume events. */
    @Bean
    Catalogue catalogue() {
        return new Catalogue(List.of());
    }

    @Bean
    KafkaAdmin.NewTopics consumerTestTopics() {
        return new KafkaAdmin.NewTopics(List.of(OWN_TOPIC, FLAKY_TOPIC, BROKEN_TOPIC, STRICT_TOPIC, SLOW_TOPIC).stream()
                .map(t -> TopicBuilder.name(t).partitions(3).replicas(1).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    ScriptedHandler ownCases(JdbcClient jdbc) {
        return new ScriptedHandler("own-cases", OWN_TOPIC, Set.of("case.accepted"), jdbc, (event, attempt) -> {});
    }

    @Bean
    ScriptedHandler flakyCases(JdbcClient jdbc) {
        return new ScriptedHandler("flaky-cases", FLAKY_TOPIC, Set.of(TRANSFER), jdbc, (event, attempt) -> {
            if (attempt <= FLAKY_FAILURES) {
                throw new IllegalStateException("the department is down (attempt " + attempt + ")");
            }
        });
    }

    @Bean
    ScriptedHandler brokenCases(JdbcClient jdbc) {
        return new ScriptedHandler("broken-cases", BROKEN_TOPIC, Set.of(TRANSFER), jdbc, (event, attempt) -> {
            if (Boolean.TRUE.equals(event.data().get("fail"))) {
                throw new IllegalStateException(
                        "no such parcel: " + event.data().get("parcel"));
            }
        });
    }

    @Bean
    ScriptedHandler strictCases(JdbcClient jdbc) {
        return new ScriptedHandler("strict-cases", STRICT_TOPIC, Set.of(TRANSFER), jdbc, (event, attempt) -> {});
    }

    @Bean
    ScriptedHandler slowCases(JdbcClient jdbc) {
        return new ScriptedHandler("slow-cases", SLOW_TOPIC, Set.of(TRANSFER), jdbc, (event, attempt) -> {
            if (Boolean.TRUE.equals(event.data().get("block")) && !SLOW_GATE.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate stayed shut");
            }
        });
    }
}
