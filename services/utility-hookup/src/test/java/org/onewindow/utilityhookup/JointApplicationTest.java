package org.onewindow.utilityhookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.TestEventSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 联合报装 (UT-J1) on a real PostgreSQL, Kafka broker and Camunda engine: one form, one joint site
 * survey, then a component case per utility with its own matter, company and clock, on the joint
 * form's materials; the joint case is done when every component is. A form that fits no matter for
 * one of the utilities is refused with the reason, and nothing is stored.
 */
@CaseServiceTest(
        database = "ut_joint",
        properties = {
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
class JointApplicationTest extends UtilityServiceTest {

    /** The service's own topic exists before it subscribes to it (JointCompletion), as on the stack. */
    @BeforeAll
    static void ownTopic() throws Exception {
        TestEventSender.createTopic("onewindow.utility-hookup.case-events", 3);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "utility-hookup");
    }

    @Test
    void oneFormOneSurveyThenACaseForEachUtilityAndTheJointCaseEndsWithTheLast() {
        Map<String, Object> data =
                Map.of("voltage", "LOW", "externalWorks", false, "utilities", List.of("electricity", "water"));
        Reply receipt = client.apply(clerk("ST"), application("ST", "UT-J1", data));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String joint = receipt.body().path("caseNumber").asText();

        complete(staffOf("service-centre", "ST"), joint, "joint-survey");
        List<String> components = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT matter_code FROM case_file WHERE caused_by = ? ORDER BY matter_code")
                                .param(joint)
                                .query(String.class)
                                .list(),
                        l -> l.size() == 2);
        assertThat(components).containsExactly("UT-E1", "UT-W1");
        JsonNode jointFile = file(joint, "ST");
        assertThat(jointFile.path("links").findValuesAsText("kind")).containsOnly("COMPONENT");

        String electricity = caseOf(joint, "UT-E1");
        String water = caseOf(joint, "UT-W1");
        JsonNode power = file(electricity, "ST");
        assertThat(power.path("department").asText()).isEqualTo("power-supply");
        assertThat(power.path("links").get(0).path("otherCase").asText()).isEqualTo(joint);
        assertThat(power.path("materials").findValuesAsText("form")).containsOnly("SHARED");

        complete(staffOf("power-supply", "ST"), electricity, "connection");
        complete(clerk("ST"), electricity, "deliver");
        // once JointCompletion has read electricity's case.delivered, the joint case still waits
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM inbox WHERE consumer LIKE '%joint-completion'"
                                        + " AND subject = ? AND event_type = 'case.delivered'")
                                .param(electricity)
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(client.taskOf(clerk("ST"), joint, "deliver"))
                .as("water is not connected yet")
                .isEmpty();

        complete(staffOf("water-supply", "ST"), water, "connection");
        complete(clerk("ST"), water, "deliver");
        // the last component's case.delivered reaches JointCompletion through Kafka: on a fresh
        // broker the consumer group may still be joining, so this waits longer than a step does
        JsonNode deliver = await().atMost(Duration.ofSeconds(60))
                .until(() -> client.taskOf(clerk("ST"), joint, "deliver").orElse(null), t -> t != null);
        assertThat(client.complete(clerk("ST"), deliver.path("id").asText(), "{\"decision\":\"APPROVED\"}")
                        .status())
                .isIn(200, 204);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(file(joint, "ST").path("status").asText()));
    }

    @Test
    void aFormThatFitsNoWaterMatterIsRefusedWithTheReasonAndNothingIsStored() {
        int before =
                jdbc.sql("SELECT count(*) FROM case_file").query(Integer.class).single();
        Map<String, Object> data = Map.of(
                "voltage", "LOW", "externalWorks", false, "directConnection", false, "transformerUpgrade", false);

        Reply refused = client.apply(clerk("LC"), application("LC", "UT-J1", data));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsOnly("data.utilities");
        assertThat(refused.body().path("errors").findValuesAsText("zh"))
                .anySatisfy(zh -> assertThat(zh).startsWith("供水：没有适用的事项").contains("UT-W1 要求", "UT-W2 要求"));
        assertThat(jdbc.sql("SELECT count(*) FROM case_file")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    String caseOf(String joint, String matter) {
        return jdbc.sql("SELECT case_number FROM case_file WHERE caused_by = ? AND matter_code = ?")
                .params(joint, matter)
                .query(String.class)
                .single();
    }
}
