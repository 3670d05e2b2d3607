package org.onewindow.runtime.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.onewindow.kernel.config.KernelAutoConfiguration;
import org.onewindow.kernel.config.OneWindowProperties;
import org.onewindow.kernel.events.infrastructure.Inbox;
import org.onewindow.runtime.consumer.infrastructure.CaseEventConsumers;
import org.onewindow.runtime.consumer.infrastructure.CaseEventReader;
import org.onewindow.runtime.consumer.infrastructure.ConsumerLag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Consumes other services' case events for the {@link CaseEventHandler} beans of the application,
 * when it declares any: the listener containers, their dead-letter topics and the consumer
 * metrics. After Boot's Kafka auto-configuration, whose factories and admin it builds on, and
 * after the kernel's, whose inbox it hands every event to.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, KernelAutoConfiguration.class})
@ConditionalOnClass(ConsumerFactory.class)
@ConditionalOnBean(CaseEventHandler.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerAutoConfiguration {

    @Bean
    CaseEventConsumers caseEventConsumers(
            List<CaseEventHandler> handlers,
            OneWindowProperties oneWindow,
            ConsumerProperties properties,
            Inbox inbox,
            ObjectMapper json,
            ConsumerFactory<?, ?> consumerFactory,
            ProducerFactory<?, ?> producerFactory,
            ObjectProvider<MeterRegistry> registry) {
        return new CaseEventConsumers(
                oneWindow.service(),
                handlers,
                inbox,
                new CaseEventReader(json),
                consumerFactory,
                producerFactory,
                properties.redelivery(),
                properties.concurrency(),
                registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Boot's {@link KafkaAdmin} creates these at start-up where they do not exist yet. */
    @Bean
    KafkaAdmin.NewTopics caseEventDeadLetterTopics(CaseEventConsumers consumers, ConsumerProperties properties) {
        return new KafkaAdmin.NewTopics(consumers.subscriptions().stream()
                .map(s -> new NewTopic(
                        s.deadLetterTopic(), Optional.of(properties.deadLetterPartitions()), Optional.empty()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    ConsumerLag consumerLag(
            CaseEventConsumers consumers,
            KafkaAdmin admin,
            ConsumerProperties properties,
            ObjectProvider<MeterRegistry> registry) {
        return new ConsumerLag(
                admin.getConfigurationProperties(),
                consumers.subscriptions(),
                registry.getIfAvailable(SimpleMeterRegistry::new),
                properties.lagInterval(),
                consumers.autoOffsetReset());
    }
}
