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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 一窗受理 intake at a fixed arrival rate (open model): window clerks apply through the gateway
 * with real Keycloak tokens; each accepted application is a case with its number, clocks, Camunda
 * instance, audit line and outbox event. {@code service} chooses what they apply for:
 *
 * <ul>
 *   <li>{@code enterprise-opening} (the default): the EO-1 bundle, by clerks of FC, LC and QX;
 *   <li>{@code construction-permit}: ST CP-8a (a low-risk project's merged approval), FC CP-2b (a
 *       civil building's land-use planning permit) or LC CP-2 (a land-use planning permit), by
 *       st-clerk, fc-clerk and lc-clerk, every material on paper (the list from the public guide);
 *       each application registers a new project, whose code is never repeated within a run
 *       ({@link #projectCode}).
 * </ul>
 *
 * <p>The client picks the jurisdiction, the key and the body (with its project code) once per
 * application; a retry sends the same body with the same Idempotency-Key.
 *
 * <p>System properties: {@code rate} (applications/s, default 50), {@code duration} (s, default
 * 30), {@code ramp} (true: from 1/s up to {@code rate}, for warming a service up), {@code gateway} (default http://localhost:8080), {@code keycloak} (default
 * http://localhost:8180), {@code service} (above), and for the harnesses:
 *
 * <ul>
 *   <li>{@code retries} (default 0): a client that was not given a receipt tries again with the
 *       same Idempotency-Key, up to this many times within {@code retryFor} seconds (default
 *       600), after the answer's Retry-After or {@code retryPause} seconds (default 1), as a
 *       clerk's client should; the fault harness uses it to check that a retry never makes a
 *       second case;
 *   <li>{@code receipts}: a CSV file to write every application's outcome to (its key, last HTTP
 *       status, case number, attempts, project code), for the reconciliation;
 *   <li>{@code tap}: a Kafka bootstrap address; a consumer then notes when each event of {@code
 *       tapTopic} (default: the service's case-events topic) is seen, written to {@code tapOut}
 *       ({@link EventTap}).
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
    static final String SERVICE = System.getProperty("service", "enterprise-opening");

    static final String EO_APPLICATION =
            """
            {"jurisdiction":"%s","matterCode":"EO-1","channel":"WINDOW",
             "applicant":{"type":"PERSON","name":"压测商贸有限公司（筹）","idNumber":"370402199001011234"},
             "materials":[{"code":"application-form","form":"PAPER"},
               {"code":"articles-of-association","form":"UPLOAD","reference":"upload-001"},
               {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-ID-370402199001011234"},
               {"code":"premises-proof","form":"COMMITMENT"},{"code":"officer-appointment","form":"PAPER"}],
             "data":{"registeredCapitalCny10k":100}}""";

    static final ObjectMapper JSON = new ObjectMapper();

    /** The applications of the load; one is picked at random for each application. */
    static final List<Intake> INTAKES = intakes(SERVICE);

    static final Map<String, String> TOKENS =
            INTAKES.stream().collect(Collectors.toMap(Intake::jurisdiction, intake -> token(intake.clerk())));

    /**
     * The next project: unique within a run (10^8 of them), and starting from the clock (1,000 a
     * second, round in 28 hours), so that a later run does not meet an earlier one's projects.
     */
    static final AtomicLong PROJECTS = new AtomicLong(System.currentTimeMillis() / 1000 % 100_000 * 1000);

    final Receipts receipts = new Receipts(path("receipts"));
    final EventTap tap = System.getProperty("tap") == null
            ? null
            : new EventTap(
                    System.getProperty("tap"),
                    System.getProperty("tapTopic", "onewindow." + SERVICE + ".case-events"),
                    path("tapOut"));

    HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    ScenarioBuilder window = scenario("window intake")
            .exec(session -> {
                Intake intake = INTAKES.get(ThreadLocalRandom.current().nextInt(INTAKES.size()));
                String projectCode = intake.projectCategory() == null
                        ? ""
                        : projectCode(intake.projectCategory(), PROJECTS.getAndIncrement());
                return session.set("jurisdiction", intake.jurisdiction())
                        .set("token", TOKENS.get(intake.jurisdiction()))
                        .set("key", UUID.randomUUID().toString())
                        .set("projectCode", projectCode)
                        .set("body", intake.body().replace(Intake.PROJECT_CODE, projectCode))
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
                            .body(StringBody(session -> session.getString("body")))
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
                    String.valueOf(System.currentTimeMillis()),
                    session.getString("projectCode")));
        }

        void write() {
            if (file == null) {
                return;
            }
            try {
                Files.write(
                        file,
                        Stream.concat(
                                        Stream.of(
                                                "key,jurisdiction,status,caseNumber,attempts,firstSentAtMs,doneAtMs,projectCode"),
                                        rows.stream())
                                .toList(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One kind of application: the jurisdiction, the window clerk who applies there, and the body;
     * a construction matter's body has {@link #PROJECT_CODE} for the project code, whose category
     * segment is {@code projectCategory}.
     */
    record Intake(String jurisdiction, String clerk, String body, String projectCategory) {
        static final String PROJECT_CODE = "@PROJECT_CODE@";
    }

    /**
     * 项目代码 year-area-industry-category-sequence: the load's projects are 2026-370402-xx-9n-…,
     * n per jurisdiction (a project belongs to the jurisdiction it was registered in, so two
     * jurisdictions never share a code), xx and the sequence the eight digits of {@code next};
     * infra/check-construction-permit.sh uses category 03.
     */
    static String projectCode(String category, long next) {
        return String.format(
                Locale.ROOT, "2026-370402-%02d-%s-%06d", next / 1_000_000 % 100, category, next % 1_000_000);
    }

    static List<Intake> intakes(String service) {
        return switch (service) {
            case "enterprise-opening" ->
                Stream.of("FC", "LC", "QX")
                        .map(j ->
                                new Intake(j, j.toLowerCase(Locale.ROOT) + "-clerk", EO_APPLICATION.formatted(j), null))
                        .toList();
            case "construction-permit" ->
                List.of(
                        construction(
                                "ST",
                                "CP-8a",
                                "91",
                                """
                                {"projectName":"压测低风险厂房","projectCategory":"social-small-industrial-low-risk",
                                 "lowRisk":true,"floorAreaM2":1800,"investmentCny10k":600}"""),
                        construction(
                                "FC",
                                "CP-2b",
                                "92",
                                """
                                {"projectName":"压测峰城区社区服务中心","projectCategory":"gov-building",
                                 "floorAreaM2":6000,"investmentCny10k":3200}"""),
                        construction(
                                "LC",
                                "CP-2",
                                "93",
                                """
                                {"projectName":"压测临川工业园厂房","projectCategory":"social-land-with-scheme",
                                 "floorAreaM2":24000,"investmentCny10k":9000,"landParcel":"LC-2026-088"}"""));
            default ->
                throw new IllegalArgumentException(
                        "service " + service + ": enterprise-opening or construction-permit");
        };
    }

    /**
     * A construction application as the window clerk of {@code jurisdiction} files it: an
     * enterprise developer, every material of the matter (from its public guide) on paper, the
     * project's data with a project code to be filled in.
     */
    static Intake construction(String jurisdiction, String matter, String projectCategory, String project) {
        try {
            ObjectNode application = JSON.createObjectNode()
                    .put("jurisdiction", jurisdiction)
                    .put("matterCode", matter)
                    .put("channel", "WINDOW");
            application
                    .putObject("applicant")
                    .put("type", "ENTERPRISE")
                    .put("name", "压测建设有限公司")
                    .put("uscc", "91110105MA01FC010D");
            ArrayNode materials = application.putArray("materials");
            guideMaterials(jurisdiction, matter)
                    .forEach(code -> materials.addObject().put("code", code).put("form", "PAPER"));
            application
                    .putObject("data")
                    .put("projectCode", Intake.PROJECT_CODE)
                    .setAll((ObjectNode) JSON.readTree(project));
            return new Intake(
                    jurisdiction,
                    jurisdiction.toLowerCase(Locale.ROOT) + "-clerk",
                    JSON.writeValueAsString(application),
                    projectCategory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The material codes of a matter, from its public guide (办事指南), fetched once before the run. */
    static List<String> guideMaterials(String jurisdiction, String matter) {
        String url = GATEWAY + "/api/v1/catalogue/" + jurisdiction + "/matters/" + matter;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the guide " + url + " answered " + response.statusCode());
            }
            List<String> codes = new ArrayList<>();
            JSON.readTree(response.body())
                    .path("materials")
                    .forEach(m -> codes.add(m.path("code").asText()));
            if (codes.isEmpty()) {
                throw new IllegalStateException("the guide " + url + " names no materials");
            }
            return codes;
        } catch (IOException e) {
            throw new IllegalStateException("the gateway at " + GATEWAY + " unreachable: is ./infra/stack.sh up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
