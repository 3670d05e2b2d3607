package org.onewindow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The capacity search in one load-generator JVM (issue #16): first the bare Camunda baseline
 * ({@link BareCamundaSimulation}'s start of the EO-1 bundle), then OneWindow's intake ({@link
 * IntakeSimulation}'s window clerks through the gateway), each after its own warm-up ramp, each
 * as a staircase of constant arrival rates (open model) with a quiet gap between steps so that
 * one step's queue does not spill into the next. One JVM means one JIT warm-up and no Maven
 * start per step; the generator's own CPU is the same for both systems.
 *
 * <p>Every request is written to {@code samples} (CSV: system, step, rate, sent at, response
 * time, status); infra/bench/capacity.sh cuts the steps out and decides which were sustained.
 *
 * <p>System properties: {@code bareRates} and {@code rates} (comma-separated arrival rates/s;
 * an empty list skips that system), {@code step} (s per rate, default 60), {@code repeats} (how
 * often each rate is run, one after the other, default 1), {@code gap} (s of quiet between steps,
 * default 10), {@code warmup} (s of ramp from 1/s to {@code warmupRate} or the system's first rate,
 * whichever is higher; default 180 and 30/s), {@code samples} (the CSV), and {@link
 * IntakeSimulation}'s {@code gateway}, {@code keycloak} and {@code service}, {@link
 * BareCamundaSimulation}'s {@code camunda}.
 */
public class CapacitySimulation extends Simulation {

    static final List<Double> BARE_RATES = rates("bareRates", "50,100,150,200,250,300");
    static final List<Double> RATES = rates("rates", "40,50,60,70,80,90,100");
    static final int STEP = Integer.parseInt(System.getProperty("step", "60"));
    static final int GAP = Integer.parseInt(System.getProperty("gap", "10"));
    static final int REPEATS = Integer.parseInt(System.getProperty("repeats", "1"));
    static final int WARMUP = Integer.parseInt(System.getProperty("warmup", "180"));
    static final double WARMUP_RATE = Double.parseDouble(System.getProperty("warmupRate", "30"));

    /** A clerk's token outlives a long search only if it is fetched again before it expires. */
    static final Duration TOKEN_REFRESH = Duration.ofMinutes(10);

    final Samples samples = new Samples(IntakeSimulation.path("samples"));
    final Tokens tokens = new Tokens();

    HttpProtocolBuilder bareProtocol = http.baseUrl(BareCamundaSimulation.CAMUNDA)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    HttpProtocolBuilder gatewayProtocol = http.baseUrl(IntakeSimulation.GATEWAY)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    ScenarioBuilder bare = scenario("bare")
            .exec(session -> {
                String jurisdiction = BareCamundaSimulation.JURISDICTIONS.get(
                        ThreadLocalRandom.current().nextInt(BareCamundaSimulation.JURISDICTIONS.size()));
                String key = UUID.randomUUID().toString();
                return session.set("jurisdiction", jurisdiction)
                        .set("key", key)
                        .set("caseNumber", "BARE-" + jurisdiction + "-" + key)
                        .set("sentAt", System.currentTimeMillis());
            })
            .exec(http("bare start")
                    .post("/engine-rest/process-definition/key/enterprise-opening-bundle/start")
                    .body(StringBody(BareCamundaSimulation.START))
                    .check(status().saveAs("status"))
                    .check(responseTimeInMillis().saveAs("rt"))
                    .check(status().is(200)))
            .exec(session -> samples.add("bare", session));

    ScenarioBuilder oneWindow = scenario("onewindow")
            .exec(session -> {
                IntakeSimulation.Intake intake = IntakeSimulation.INTAKES.get(
                        ThreadLocalRandom.current().nextInt(IntakeSimulation.INTAKES.size()));
                String projectCode = intake.projectCategory() == null
                        ? ""
                        : IntakeSimulation.projectCode(
                                intake.projectCategory(), IntakeSimulation.PROJECTS.getAndIncrement());
                return session.set("token", tokens.of(intake.clerk()))
                        .set("key", UUID.randomUUID().toString())
                        .set("body", intake.body().replace(IntakeSimulation.Intake.PROJECT_CODE, projectCode))
                        .set("sentAt", System.currentTimeMillis());
            })
            .exec(http("apply")
                    .post("/api/v1/applications")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody(session -> session.getString("body")))
                    .check(status().saveAs("status"))
                    .check(responseTimeInMillis().saveAs("rt"))
                    .check(status().is(201))
                    .check(jsonPath("$.caseNumber").exists()))
            .exec(session -> samples.add("onewindow", session));

    {
        List<PopulationBuilder> systems = new ArrayList<>();
        if (!BARE_RATES.isEmpty()) {
            systems.add(bare.injectOpen(staircase(BARE_RATES)).protocols(bareProtocol));
        }
        if (!RATES.isEmpty()) {
            systems.add(oneWindow.injectOpen(staircase(RATES)).protocols(gatewayProtocol));
        }
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("bareRates and rates are both empty: nothing to measure");
        }
        PopulationBuilder chain = systems.get(0);
        for (PopulationBuilder next : systems.subList(1, systems.size())) {
            chain = chain.andThen(next);
        }
        setUp(chain);
    }

    /**
     * Warm-up ramp up to the first rate at least, a gap, then each rate {@link #REPEATS} times for
     * {@link #STEP} s, each followed by a gap. The schedule is what capacity.sh cuts the samples by:
     * a request's step is its send time since the system's first request.
     */
    static OpenInjectionStep[] staircase(List<Double> rates) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (WARMUP > 0) {
            // a ramp that stops below the first rate left the JVM's heap sized for the ramp: the
            // first step then paid a full collection and the heap's growth (run 12: 316 ms in bare
            // Camunda at 150/s after a ramp to 60/s), and one slow repeat fails a whole system
            double top = Math.max(WARMUP_RATE, rates.get(0));
            steps.add(rampUsersPerSec(1).to(top).during(Duration.ofSeconds(WARMUP)));
            steps.add(nothingFor(Duration.ofSeconds(GAP)));
        }
        for (double rate : rates) {
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                steps.add(constantUsersPerSec(rate).during(Duration.ofSeconds(STEP)));
                steps.add(nothingFor(Duration.ofSeconds(GAP)));
            }
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    static List<Double> rates(String property, String defaults) {
        String value = System.getProperty(property, defaults).trim();
        return value.isEmpty()
                ? List.of()
                : Arrays.stream(value.split("[,\\s]+")).map(Double::parseDouble).toList();
    }

    @Override
    public void after() {
        samples.write();
    }

    /** Every request as the client saw it; its step is found afterwards from its send time. */
    static final class Samples {
        private final Path file;
        private final Queue<String> rows = new ConcurrentLinkedQueue<>();
        private final Map<String, Long> firstSent = new ConcurrentHashMap<>();

        Samples(Path file) {
            this.file = file;
        }

        Session add(String system, Session session) {
            long sentAt = session.getLong("sentAt");
            long first = firstSent.computeIfAbsent(system, s -> sentAt);
            // no response at all (connection refused, the client's own timeout): the wall time
            long rt = session.contains("rt") ? session.getLong("rt") : System.currentTimeMillis() - sentAt;
            int status = session.contains("status") ? session.getInt("status") : 0;
            rows.add(system + "," + (sentAt - first) + "," + sentAt + "," + rt + "," + status);
            return session;
        }

        void write() {
            if (file == null) {
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add("system,sinceFirstMs,sentAtMs,responseMs,status");
            lines.addAll(rows);
            try {
                Files.write(file, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The clerks' tokens, fetched again when older than {@link #TOKEN_REFRESH}. */
    static final class Tokens {
        private record Held(String token, long fetchedAt) {}

        private final Map<String, Held> held = new ConcurrentHashMap<>();

        String of(String clerk) {
            long now = System.currentTimeMillis();
            return held.compute(
                            clerk,
                            (c, h) -> h == null || now - h.fetchedAt() > TOKEN_REFRESH.toMillis()
                                    ? new Held(IntakeSimulation.token(c), now)
                                    : h)
                    .token();
        }
    }
}
