package org.onewindow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 一窗受理 intake at a fixed arrival rate (open model): window clerks of FC, LC and QX apply for
 * the EO-1 bundle through the gateway with real Keycloak tokens; each accepted application is a
 * case with its number, clocks, Camunda instance, audit line and outbox event.
 *
 * <p>System properties: {@code rate} (applications/s, default 50), {@code duration} (s, default 30),
 * {@code gateway} (default http://localhost:8080), {@code keycloak} (default http://localhost:8180).
 */
public class IntakeSimulation extends Simulation {

    static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
    static final int DURATION = Integer.parseInt(System.getProperty("duration", "30"));
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
                        .set("key", UUID.randomUUID().toString());
            })
            .exec(http("apply")
                    .post("/api/v1/applications")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{key}")
                    .body(StringBody(APPLICATION))
                    .check(status().is(201))
                    .check(jsonPath("$.caseNumber").saveAs("caseNumber")));

    {
        setUp(window.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(protocol);
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
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak at " + KEYCLOAK + " unreachable: is ./infra/stack.sh up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
