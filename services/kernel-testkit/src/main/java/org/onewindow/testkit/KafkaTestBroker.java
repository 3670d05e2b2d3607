package org.onewindow.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (KRaft, in this JVM) shared by the tests of this JVM. */
public final class KafkaTestBroker {
    private static EmbeddedKafkaKraftBroker broker;

    private KafkaTestBroker() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.afterPropertiesSet();
            AfterSpringContexts.run(broker::destroy);
        }
        return broker.getBrokersAsString();
    }
}
