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
 * Announces registered property transfers on property-registration's topic as its outbox does
 * (keyed by the registration case, the envelope as JSON, type and id in the ce_type and ce_id
 * headers), at a steady rate, for infra/bench/transfers.sh: FC transfers, registered today, each
 * calling for four 过户. Every 10th event is sent twice (the same id: a redelivery). The producer
 * retries through a broker restart (acks=all, idempotent, 2 min delivery timeout). Writes one CSV
 * line per send: unitNumber,eventId,kind,sentAtMillis.
 *
 * <p>java -cp 'infra/.stack/kafka/libs/*' infra/bench/TransferEvents.java BOOTSTRAP TOPIC FIRST_SERIAL
 * COUNT RATE OUT.csv
 */
public class TransferEvents {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1];
        int first = Integer.parseInt(args[2]), count = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        Path out = Path.of(args[5]);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        AtomicInteger failed = new AtomicInteger();
        long intervalNanos = (long) (1e9 / rate);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
                PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String unit = String.format("370404999999GB%05dF00010001", (first + i) % 100000);
                String caseNumber = String.format("FC-PR-20261202-9%05d-B", (first + i) % 100000);
                String id = UUID.randomUUID().toString();
                String envelope = envelope(id, caseNumber, unit, today);
                send(producer, topic, caseNumber, id, envelope, failed);
                csv.printf("%s,%s,first,%d%n", unit, id, System.currentTimeMillis());
                if (i % 10 == 9) {
                    send(producer, topic, caseNumber, id, envelope, failed);
                    csv.printf("%s,%s,redelivered,%d%n", unit, id, System.currentTimeMillis());
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
            KafkaProducer<String, String> producer,
            String topic,
            String key,
            String id,
            String value,
            AtomicInteger failed) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_type", "\"property.transfer-registered\"".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", ("\"" + id + "\"").getBytes(StandardCharsets.UTF_8));
        producer.send(record, (meta, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                System.err.println("send of " + key + " failed: " + e);
            }
        });
    }

    private static String envelope(String id, String caseNumber, String unit, String today) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"property.transfer-registered\","
                + "\"source\":\"/onewindow/property-registration\",\"subject\":\"" + caseNumber + "\",\"time\":\""
                + Instant.now() + "\",\"jurisdiction\":\"FC\",\"data\":{\"unitNumber\":\"" + unit
                + "\",\"address\":\"峰城区基准测试路 1 号\","
                + "\"previousOwner\":{\"type\":\"PERSON\",\"name\":\"王建国\",\"idNumber\":\"370404198001011234\"},"
                + "\"newOwner\":{\"type\":\"PERSON\",\"name\":\"基准测试受让人\",\"idNumber\":\"11010519491231002X\"},"
                + "\"registeredOn\":\"" + today + "\",\"matterCode\":\"PR-3a\",\"utilities\":[]}}";
    }
}
