package org.onewindow.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline of {@link IntakeSimulation}: the same EO-1 bundle model started at a fixed arrival
 * rate (open model) straight through Camunda's own REST API on a bare engine
 * (infra/bare-camunda, started by infra/bench/bare-camunda.sh): no gateway, no token, no OneWindow
 * code. Each start carries the variables OneWindow's intake starts the process with; with
 * {@code smartApproval=false} the instance stops at the user task {@code review-business-licence}.
 *
 * <p>System properties: {@code rate} (starts/s, default 50), {@code duration} (s, default 30),
 * {@code ramp} (true: from 1/s up to {@code rate}),
 * {@code camunda} (default http://127.0.0.1:8095).
 */
public class BareCamundaSimulation extends Simulation {

    static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
    static final int DURATION = Integer.parseInt(System.getProperty("duration", "30"));
    static final String CAMUNDA = System.getProperty("camunda", "http://127.0.0.1:8095");
    static final List<String> JURISDICTIONS = List.of("FC", "LC", "QX");

    static final String START =
            """
            {"businessKey":"#{key}",
             "variables":{
               "caseNumber":{"value":"#{caseNumber}","type":"String"},
               "jurisdiction":{"value":"#{jurisdiction}","type":"String"},
               "matterCode":{"value":"EO-1","type":"String"},
               "catalogueVersion":{"value":"2026.1","type":"String"},
               "smartApproval":{"value":false,"type":"Boolean"},
               "reviewDepartment":{"value":"market-regulation","type":"String"},
               "deliveryDepartment":{"value":"service-centre","type":"String"},
               "registrationRetryCycle":{"value":"R20/PT30S","type":"String"},
               "reformPath":{"value":"NONE","type":"String"}}}""";

    HttpProtocolBuilder protocol = http.baseUrl(CAMUNDA)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    ScenarioBuilder engine = scenario("bare camunda start")
            .exec(session -> {
                String jurisdiction =
                        JURISDICTIONS.get(ThreadLocalRandom.current().nextInt(JURISDICTIONS.size()));
                String key = UUID.randomUUID().toString();
                return session.set("jurisdiction", jurisdiction)
                        .set("key", key)
                        .set("caseNumber", "BARE-" + jurisdiction + "-" + key);
            })
            .exec(http("start")
                    .post("/engine-rest/process-definition/key/enterprise-opening-bundle/start")
                    .body(StringBody(START))
                    .check(status().is(200)));

    {
        setUp(engine.injectOpen(
                        Boolean.getBoolean("ramp")
                                ? rampUsersPerSec(1).to(RATE).during(Duration.ofSeconds(DURATION))
                                : constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION))))
                .protocols(protocol);
    }
}
