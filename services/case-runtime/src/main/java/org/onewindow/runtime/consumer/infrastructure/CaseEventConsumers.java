package org.onewindow.runtime.consumer.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.onewindow.kernel.events.infrastructure.Inbox;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.consumer.model.Redelivery;
import org.onewindow.runtime.consumer.model.Subscription;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The service's event consumers: one Kafka listener container per {@link CaseEventHandler}, each
 * in its own consumer group ({@link Subscription#group()}), with retries and a dead-letter topic.
 *
 * <p>Records are read as a String key and the value's raw bytes, whatever the application's
 * {@code spring.kafka.consumer} deserializers say: the envelope is parsed by {@link
 * CaseEventReader}, so a value that is not JSON reaches the listener and is dead-lettered as it
 * came, instead of failing in a deserializer. The dead letters are written by a producer of their
 * own with the matching serializers (String key, bytes value); everything else (brokers, security,
 * {@code acks}, idempotence, {@code auto.offset.reset}, the Micrometer client metrics) comes from
 * the application's Kafka settings via Boot's consumer and producer factories.
 *
 * <p>A failing handler: the container's {@link DefaultErrorHandler} seeks back and delivers the
 * record again after the {@link Redelivery} waits, holding the partition, so the later events of
 * the same case wait behind it. After the last attempt the record goes to the dead-letter topic
 * ({@link DeadLetters}), its offset is committed and the partition moves on. A {@link
 * MalformedCaseEvent} is not retried at all. Offsets are committed after each poll's records are
 * done ({@code AckMode.BATCH}); a crash in between redelivers them, and the inbox skips what was
 * already handled.
 */
public final class CaseEventConsumers implements SmartLifecycle, DisposableBean {

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private final DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;
    private final String autoOffsetReset;

    /**
     * @param applicationConsumers Boot's consumer factory: its configuration and listeners are
     *     reused, its deserializers are not
     * @param applicationProducers Boot's producer factory: likewise, for the dead letters
     * @param concurrency consumer threads per handler (at most the topic's partitions do work)
     */
    public CaseEventConsumers(
            String service,
            List<CaseEventHandler> handlers,
            Inbox inbox,
            CaseEventReader reader,
            ConsumerFactory<?, ?> applicationConsumers,
            ProducerFactory<?, ?> applicationProducers,
            Redelivery redelivery,
            int concurrency,
            MeterRegistry registry) {
        Map<String, Object> consumerConfig = new HashMap<>(applicationConsumers.getConfigurationProperties());
        consumerConfig.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumerConfig.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        this.autoOffsetReset =
                String.valueOf(consumerConfig.getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        redelivery.requireTotalWaitBelow(maxPollInterval(consumerConfig));
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(
                consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        applicationConsumers.getListeners().forEach(l -> consumers.addListener(cast(l)));

        Map<String, Object> producerConfig = new HashMap<>(applicationProducers.getConfigurationProperties());
        producerConfig.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producerConfig.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.deadLetterProducers =
                new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        applicationProducers.getListeners().forEach(l -> deadLetterProducers.addListener(cast(l)));
        KafkaTemplate<String, byte[]> deadLetterTemplate = new KafkaTemplate<>(deadLetterProducers);

        Set<String> names = new HashSet<>();
        for (CaseEventHandler handler : handlers) {
            Subscription subscription =
                    new Subscription(service, handler.name(), handler.topic(), handler.eventTypes());
            if (!names.add(subscription.consumer())) {
                throw new IllegalStateException("two event handlers are named '" + subscription.consumer()
                        + "': the name is the inbox's consumer id and the group's suffix, so it must be unique");
            }
            subscriptions.add(subscription);
            ConsumerMetrics metrics = new ConsumerMetrics(registry, subscription);
            containers.add(container(
                    consumers,
                    subscription,
                    new CaseEventListener(subscription, handler, reader, inbox, metrics),
                    errorHandler(redelivery, new DeadLetters(subscription, deadLetterTemplate, metrics)),
                    concurrency));
        }
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> container(
            ConsumerFactory<String, byte[]> consumers,
            Subscription subscription,
            CaseEventListener listener,
            DefaultErrorHandler errorHandler,
            int concurrency) {
        ContainerProperties properties = new ContainerProperties(subscription.topic());
        properties.setGroupId(subscription.group());
        properties.setClientId(subscription.group());
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        // the dead letter then carries kafka_deliveryAttempt: how often the record was tried
        properties.setDeliveryAttemptHeader(true);
        properties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(concurrency);
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName("case-event-consumer-" + subscription.consumer());
        return container;
    }

    private static DefaultErrorHandler errorHandler(Redelivery redelivery, DeadLetters deadLetters) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(redelivery.retries());
        backOff.setInitialInterval(redelivery.initialInterval().toMillis());
        backOff.setMultiplier(redelivery.multiplier());
        backOff.setMaxInterval(redelivery.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedCaseEvent.class);
        handler.setCommitRecovered(true);
        // each failed attempt is logged; the dead letter itself is logged as an error by DeadLetters
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    private static Duration maxPollInterval(Map<String, Object> consumerConfig) {
        Object configured = consumerConfig.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        return configured == null
                ? Duration.ofMinutes(5) // Kafka's default
                : Duration.ofMillis(Long.parseLong(configured.toString()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object listener) {
        return (T) listener;
    }

    /** The subscriptions, in the order of the handler beans. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The consumers' {@code auto.offset.reset}, for the lag of a group that has committed nothing. */
    public String autoOffsetReset() {
        return autoOffsetReset;
    }

    @Override
    public void start() {
        containers.forEach(AbstractMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        containers.forEach(AbstractMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(AbstractMessageListenerContainer::isRunning);
    }

    /** With the listener containers spring-kafka starts: after every other bean is ready. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        deadLetterProducers.destroy();
    }
}
