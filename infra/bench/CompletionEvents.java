import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Announces completion acceptances on construction-permit's topic as its outbox does (keyed by the
 * acceptance case, the envelope as JSON, the type in the ce_type header), at a steady rate, for
 * infra/bench/handover.sh. Each project has two buildings of 20 units. Every 10th event is sent
 * twice (the same id: a redelivery), every 25th project is announced again under a new id. The
 * producer retries through a broker restart (acks=all, idempotent, 2 min delivery timeout).
 * Writes one CSV line per send: project,eventId,kind,sentAtMillis.
 *
 * <p>java -cp 'infra/.stack/kafka/libs/*' infra/bench/CompletionEvents.java BOOTSTRAP TOPIC
 * JURISDICTION DISTRICT FIRST_SERIAL COUNT RATE OUT.csv
 */
public class CompletionEvents {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1], jurisdiction = args[2], district = args[3];
        int first = Integer.parseInt(args[4]), count = Integer.parseInt(args[5]);
        double rate = Double.parseDouble(args[6]);
        Path out = Path.of(args[7]);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        AtomicInteger failed = new AtomicInteger();
        long intervalNanos = (long) (1e9 / rate);
        try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
                PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String project = String.format("2026-%s-47-99-%06d", district, first + i);
                String caseNumber = String.format("%s-CP-20261202-9%05d-B", jurisdiction, (first + i) % 100000);
                String id = UUID.randomUUID().toString();
                send(producer, topic, caseNumber, envelope(id, caseNumber, jurisdiction, project), failed);
                csv.printf("%s,%s,first,%d%n", project, id, System.currentTimeMillis());
                if (i % 10 == 9) {
                    send(producer, topic, caseNumber, envelope(id, caseNumber, jurisdiction, project), failed);
                    csv.printf("%s,%s,redelivered,%d%n", project, id, System.currentTimeMillis());
                }
                if (i % 25 == 24) {
                    String again = UUID.randomUUID().toString();
                    send(producer, topic, caseNumber, envelope(again, caseNumber, jurisdiction, project), failed);
                    csv.printf("%s,%s,reannounced,%d%n", project, again, System.currentTimeMillis());
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " sends failed");
            System.exit(1);
        }
    }

    private static void send(
            KafkaProducer<String, String> producer, String topic, String key, String value, AtomicInteger failed) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers()
                .add("ce_type", "\"construction.completion-accepted\"".getBytes(StandardCharsets.UTF_8));
        producer.send(record, (meta, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                System.err.println("send of " + key + " failed: " + e);
            }
        });
    }

    private static String envelope(String id, String caseNumber, String jurisdiction, String project) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"construction.completion-accepted\","
                + "\"source\":\"/onewindow/construction-permit\",\"subject\":\"" + caseNumber + "\",\"time\":\""
                + Instant.now() + "\",\"jurisdiction\":\"" + jurisdiction + "\",\"data\":{\"projectCode\":\"" + project
                + "\",\"projectName\":\"基准测试项目\",\"developerUscc\":\"91110105MA01FC010D\","
                + "\"buildings\":[{\"building\":\"1号楼\",\"units\":20},{\"building\":\"2号楼\",\"units\":20}],"
                + "\"acceptedOn\":\"2026-12-02\",\"matterCode\":\"CP-9\"}}";
    }
}
