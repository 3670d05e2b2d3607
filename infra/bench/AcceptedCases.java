import java.time.Instant;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Accepted cases for infra/bench/board.sh, announced on the case services' topics as their outboxes
 * do (keyed by case number, the envelope as JSON, type and id in the ce_type and ce_id headers), as
 * fast as the broker takes them: COUNT cases spread over the five services, the four jurisdictions,
 * a dozen departments and their matters, due between DUE_FROM and DUE_TO seconds from now. Case
 * numbers are well formed (ISO 7064 MOD 37-2) and start at FIRST_SERIAL. Prints the case numbers
 * when PRINT is "print" (for a handful, e.g. the ones due in seconds).
 *
 * <p>java -cp 'infra/.stack/kafka/libs/*' infra/bench/AcceptedCases.java BOOTSTRAP COUNT FIRST_SERIAL
 * DUE_FROM DUE_TO [print]
 */
public class AcceptedCases {

    static final String[] SERVICES = {
        "enterprise-opening", "construction-permit", "property-registration", "utility-hookup", "supervision"
    };
    static final String[] CODES = {"EO", "CP", "PR", "UT", "SV"};
    static final String[][] MATTERS = {
        {"EO-1", "EO-4", "EO-5"}, {"CP-2", "CP-3", "CP-7"}, {"PR-3a", "PR-4a", "PR-1a"}, {"UT-E1", "UT-W1", "UT-G1"}, {"SV-1"}
    };
    static final String[][] DEPARTMENTS = {
        {"market-regulation", "tax"}, {"planning", "housing-construction", "fire-protection"},
        {"real-estate-registration"}, {"power-supply", "water-supply", "gas-supply"}, {"market-regulation", "urban-management"}
    };
    static final String[] JURISDICTIONS = {"FC", "ST", "LC", "QX"};
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int count = Integer.parseInt(args[1]);
        int first = Integer.parseInt(args[2]);
        long dueFrom = Long.parseLong(args[3]), dueTo = Long.parseLong(args[4]);
        boolean print = args.length > 5 && args[5].equals("print");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicInteger failed = new AtomicInteger();
        Random random = new Random(first);
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                int s = i % SERVICES.length;
                String jurisdiction = JURISDICTIONS[(i / SERVICES.length) % JURISDICTIONS.length];
                int serial = first + i / (SERVICES.length * JURISDICTIONS.length);
                String caseNumber = caseNumber(jurisdiction, CODES[s], serial);
                String matter = MATTERS[s][random.nextInt(MATTERS[s].length)];
                String department = DEPARTMENTS[s][random.nextInt(DEPARTMENTS[s].length)];
                Instant due = now.plusSeconds(dueFrom + (long) (random.nextDouble() * (dueTo - dueFrom)));
                String uscc = String.format("91370402MA3C%05dX", random.nextInt(100_000));
                String id = UUID.randomUUID().toString();
                String envelope = """
                        {"specversion":"1.0","id":"%s","type":"case.accepted","source":"/onewindow/%s","subject":"%s",\
                        "time":"%s","jurisdiction":"%s","data":{"service":"%s","matterCode":"%s","catalogueVersion":"2026.1",\
                        "department":"%s","channel":"%s","outcome":"ACCEPTED","applicant":{"type":"ENTERPRISE","uscc":"%s"},\
                        "acceptedAt":"%s","promisedDueAt":"%s","calendarKnown":true}}"""
                        .formatted(id, SERVICES[s], caseNumber, now, jurisdiction, SERVICES[s], matter, department,
                                random.nextBoolean() ? "WINDOW" : "ONLINE", uscc, now, due);
                ProducerRecord<String, String> record =
                        new ProducerRecord<>("onewindow." + SERVICES[s] + ".case-events", caseNumber, envelope);
                record.headers().add("ce_type", "case.accepted".getBytes());
                record.headers().add("ce_id", id.getBytes());
                producer.send(record, (meta, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
                if (print) {
                    System.out.println(caseNumber);
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " sends failed");
            System.exit(1);
        }
    }

    /** {@code J-SS-20261101-NNNNNN-C}, C by ISO/IEC 7064 MOD 37-2 as the kernel's CaseNumber. */
    static String caseNumber(String jurisdiction, String service, int serial) {
        String body = jurisdiction + service + "20261101" + String.format("%06d", serial);
        int p = 0;
        for (char ch : body.toCharArray()) {
            p = ((p + ALPHABET.indexOf(ch)) * 2) % 37;
        }
        return "%s-%s-20261101-%06d-%c".formatted(jurisdiction, service, serial, ALPHABET.charAt((38 - p) % 37));
    }
}
