package org.onewindow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * 一窗受理 intake at a fixed arrival rate (open model): window clerks of FC, LC and QX apply for
 * the EO-1 bundle through the gateway with real Keycloak tokens; each accepted application is a
 * case with its number, clocks, Camunda instance, audit line and outbox event.
 *
 * <p>System properties: {@code rate} (applications/s, default 50), {@code duration} (s, default
 * 30), {@code ramp} (true: from 1/s up to {@code rate}, for warming a service up), {@code gateway} (default http://localhost:8080), {@code keycloak} (default
 * http://localhost:8180), and for the harnesses:
 *
 * <ul>
 *   <li>{@code retries} (default 0): a client that was not given a receipt tries again with the
 *       same Idempotency-Key, up to this many times within {@code retryFor} seconds (default
 *       600), after the answer's Retry-After or {@code retryPause} seconds (default 1), as a
 *       clerk's client should; the fault harness uses it to check that a retry never makes a
 *       second case;
 *   <li>{@code receipts}: a CSV file to write every application's outcome to (its key, last HTTP
 *       status, case number, attempts), for the reconciliation;
 *   <li>{@code tap}: a Kafka bootstrap address; a consumer then notes when each event of {@code
 *       tapTopic} is seen, written to {@code tapOut} ({@link EventTap}).
 * </ul>
 */
public class IntakeSimulation extends Simulation {

    static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
    static final int DURATION = Integer.parseInt(System.getProperty("duration", "30"));
    static final int RETRIES = Integer.parseInt(System.getProperty("retries", "0"));
    static final double RETRY_PAUSE = Double.parseDouble(System.getProperty("retryPause", "1"));
    static final Duration RETRY_FOR = Duration.ofSeconds(Long.parseLong(System.getProperty("retryFor", "600")));
    static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");
    static final List<String> JURISDICTIONS = List.of("FC", "LC", "QX");
    static final Map<String, String> TOKENS = Map.of(
            "FC", token("fc-clerk"),
            "LC", token("lc-clerk"),
            "QX", token("qx-clerk"));

    static final String APPLICATION =
            """
            {"jurisdiction":"#{jurisdiction}","matterCode":"EO-1","channel":"WINDOW",
             "applicant":{"type":"PERSON","name":"压测商贸有限公司（筹）","idNumber":"370402199001011234"},
             "materials":[{"code":"application-form","form":"PAPER"},
               {"code":"articles-of-association","form":"UPLOAD","reference":"upload-001"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-ID-370402199001011234"},
               {"code":"premises-proof","form":"COMMITMENT"},{"code":"officer-appointment","form":"PAPER"}],
             "data":{"registeredCapitalCny10k":100}}""";

    final Receipts receipts = new Receipts(path("receipts"));
    final EventTap tap = System.getProperty("tap") == null
            ? null
            : new EventTap(
                    System.getProperty("tap"),
                    System.getProperty("tapTopic", "onewindow.enterprise-opening.case-events"),
                    path("tapOut"));

    HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    ScenarioBuilder window = scenario("window intake")
            .exec(session -> {
                String jurisdiction =
                        JURISDICTIONS.get(ThreadLocalRandom.current().nextInt(JURISDICTIONS.size()));
                return session.set("jurisdiction", jurisdiction)
                        .set("token", TOKENS.get(jurisdiction))
                        .set("key", UUID.randomUUID().toString())
                        .set("firstSentAt", System.currentTimeMillis())
                        .set("attempts", 0);
            })
            .asLongAs(IntakeSimulation::unanswered)
            .on(
                    doIf(session -> session.getInt("attempts") > 0).then(pause(IntakeSimulation::backOff)),
                    exec(session -> session.remove("status")
                            .remove("retryAfter")
                            .set("attempts", session.getInt("attempts") + 1)),
                    exec(http("apply")
                            .post("/api/v1/applications")
                            .header("Authorization", "Bearer #{token}")
                            .header("Idempotency-Key", "#{key}")
                            .body(StringBody(APPLICATION))
                            .check(status().saveAs("status"))
                            .check(header("Retry-After").optional().saveAs("retryAfter"))
                            .check(status().is(201))
                            .check(jsonPath("$.caseNumber").saveAs("caseNumber"))))
            .exec(session -> {
                receipts.add(session);
                return session;
            });

    {
        setUp(window.injectOpen(
                        Boolean.getBoolean("ramp")
                                ? rampUsersPerSec(1).to(RATE).during(Duration.ofSeconds(DURATION))
                                : constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(protocol);
    }

    /** No receipt yet, and attempts and time left to try again. */
    static boolean unanswered(Session session) {
        if (session.contains("caseNumber")) {
            return false;
        }
        int attempts = session.getInt("attempts");
        boolean inTime = System.currentTimeMillis() - session.getLong("firstSentAt") < RETRY_FOR.toMillis();
        return attempts == 0 || (attempts <= RETRIES && inTime);
    }

    /**
     * As a clerk's client should: wait what the answer's Retry-After asks (else {@code retryPause}),
     * with up to half again at random, so that the clients turned away by an outage do not all
     * come back in the same second.
     */
    static Duration backOff(Session session) {
        double asked = session.contains("retryAfter") ? Double.parseDouble(session.getString("retryAfter")) : 0;
        double base = Math.max(asked, RETRY_PAUSE);
        return Duration.ofMillis(
                (long) (base * 1000 * (1 + ThreadLocalRandom.current().nextDouble(0.5))));
    }

    @Override
    public void before() {
        if (tap != null) {
            tap.start();
        }
    }

    @Override
    public void after() {
        if (tap != null) {
            tap.stop();
        }
        receipts.write();
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** Every application's outcome, as the client saw it. */
    static final class Receipts {
        private final Path file;
        private final Queue<String> rows = new ConcurrentLinkedQueue<>();

        Receipts(Path file) {
            this.file = file;
        }

        void add(Session session) {
            if (file == null) {
                return;
            }
            rows.add(String.join(
                    ",",
                    session.getString("key"),
                    session.getString("jurisdiction"),
                    session.contains("status") ? String.valueOf(session.getInt("status")) : "0",
                    session.contains("caseNumber") ? session.getString("caseNumber") : "",
                    String.valueOf(session.getInt("attempts")),
                    String.valueOf(session.getLong("firstSentAt")),
                    String.valueOf(System.currentTimeMillis())));
        }

        void write() {
            if (file == null) {
                return;
            }
            try {
                Files.write(
                        file,
                        Stream.concat(
                                        Stream.of("key,jurisdiction,status,caseNumber,attempts,firstSentAtMs,doneAtMs"),
                                        rows.stream())
                                .toList(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A password-grant access token of a demo user, fetched once before the run. */
    static String token(String user) {
        String form = "grant_type=password&client_id=onewindow-cli&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(KEYCLOAK + "/realms/onewindow/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + KEYCLOAK + " unreachable: is ./infra/stack.sh up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
