package org.onewindow.runtime.readiness;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Does before the service reports ready what the first application would otherwise do while a
 * person waits: parse and cache the deployed BPMN (Camunda parses a definition on its first start,
 * not at deployment when it is already in the database), create the Kafka producer and fetch the
 * topic's metadata (the outbox's first send), and so on. Boot reports readiness only after the
 * runners, so "healthy" means warm. Nothing here changes data; a failure is logged, never fatal.
 */
public class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final RepositoryService repository;
    private final KafkaOperations<?, ?> kafka;
    private final String topic;

    public WarmUp(RepositoryService repository, KafkaOperations<?, ?> kafka, String topic) {
        this.repository = repository;
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        int models = parseDeployedModels();
        boolean producer = connectProducer();
        log.info(
                "warm-up: {} process models cached, Kafka producer {} ({} ms)",
                models,
                producer ? "connected to " + topic : "not connected",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private int parseDeployedModels() {
        List<ProcessDefinition> latest =
                repository.createProcessDefinitionQuery().latestVersion().list();
        for (ProcessDefinition definition : latest) {
            try {
                // the engine's deployment cache: parsed on first use after a restart
                repository.getProcessDefinition(definition.getId());
                repository.getBpmnModelInstance(definition.getId());
            } catch (Exception e) {
                log.warn("warm-up: process model {} not cached: {}", definition.getKey(), e.toString());
            }
        }
        return latest.size();
    }

    private boolean connectProducer() {
        try {
            kafka.partitionsFor(topic);
            return true;
        } catch (RuntimeException e) {
            log.warn("warm-up: Kafka producer not connected to {}: {}", topic, e.toString());
            return false;
        }
    }
}
