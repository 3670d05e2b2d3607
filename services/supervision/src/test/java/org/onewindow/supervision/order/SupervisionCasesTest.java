package org.onewindow.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.TestEventSender;
import org.onewindow.testkit.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision service's own cases on a real PostgreSQL, Kafka broker and Camunda: a 12345
 * appeal on LC's three clocks, extended once; a breach anywhere opens one 督办 (the department's
 * third this month an escalated one) that only supervisors close, with a reason; a 差评 opens a
 * 整改 for the rated case's department, a good rating nothing.
 */
@CaseServiceTest(
        database = "sv_cases",
        properties = {"onewindow.board.scan-every=500ms", "onewindow.supervision.orders-scan-every=500ms"})
class SupervisionCasesTest {

    static final AtomicInteger SEQ = new AtomicInteger(new java.util.Random().nextInt(900_000));

    @RegisterExtension
    static TestEventSender producer = TestEventSender.onTopics(
            OwningService.ENTERPRISE_OPENING.topic(),
            OwningService.CONSTRUCTION_PERMIT.topic(),
            OwningService.PROPERTY_REGISTRATION.topic(),
            OwningService.UTILITY_HOOKUP.topic(),
            OwningService.SUPERVISION.topic());

    @LocalServerPort
    int port;

    CaseServiceClient client;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "supervision");
    }

    @Test
    void anLcAppealRunsOnItsThreeClocksAndIsExtendedOnceWithAReason() {
        Reply refused = client.apply(TestTokens.clerk("LC"), appeal("LC", "tax-bureau-of-mars", "办理营业执照变更遇阻"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("data.handlingDepartment");

        Reply accepted = client.apply(TestTokens.clerk("LC"), appeal("LC", "market-regulation", "办理营业执照变更遇阻"));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        String cn = accepted.body().path("caseNumber").asText();

        JsonNode file = client.read(TestTokens.clerk("LC"), cn).body();
        assertThat(file.path("department").asText()).isEqualTo("market-regulation");
        assertThat(clock(file, "APPROVAL").path("limit").asText()).isEqualTo("15 WORKING_DAYS");
        assertThat(clock(file, "STEP:verification-start").path("limit").asText())
                .isEqualTo("1 WORKING_DAYS");
        assertThat(clock(file, "STEP:reply").path("limit").asText()).isEqualTo("3 WORKING_DAYS");

        String handler = TestTokens.staff("approver", "LC", "market-regulation");
        JsonNode verify = client.taskOf(handler, cn, "start-verification").orElseThrow();
        Reply silent = client.complete(handler, verify.path("id").asText(), "{\"decision\":\"APPROVED\"}");
        assertThat(silent.status()).isEqualTo(400);
        assertThat(silent.body().path("errors").findValuesAsText("field")).containsExactly("comment");
        assertThat(client.complete(
                                handler,
                                verify.path("id").asText(),
                                "{\"decision\":\"APPROVED\",\"comment\":\"已联系企业，核实情况属实\"}")
                        .status())
                .isEqualTo(204);
        JsonNode verified = client.read(handler, cn).body();
        assertThat(clock(verified, "STEP:verification-start").path("running").asBoolean())
                .isFalse();
        assertThat(clock(verified, "STEP:reply").path("running").asBoolean()).isTrue();

        String extension = "{\"amount\":15,\"reason\":\"涉及多部门的制度性问题\",\"authorisedBy\":\"市场监管局分管负责人\"}";
        Reply extended = client.call("POST", "/api/v1/cases/" + cn + "/extension", handler, null, extension);
        assertThat(extended.status()).as(String.valueOf(extended.body())).isEqualTo(204);
        assertThat(clock(client.read(handler, cn).body(), "APPROVAL")
                        .path("limit")
                        .asText())
                .isEqualTo("30 WORKING_DAYS");
        Reply again = client.call(
                "POST",
                "/api/v1/cases/" + cn + "/extension",
                handler,
                null,
                "{\"amount\":1,\"reason\":\"再延一天\",\"authorisedBy\":\"分管负责人\"}");
        assertThat(again.status()).isIn(400, 409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAppealElsewhereRunsWithNoClockTheSeedsDoNotGive() {
        Reply accepted = client.apply(TestTokens.clerk("QX"), appeal("QX", "power-supply", "报装进度咨询"));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        JsonNode file = client.read(
                        TestTokens.clerk("QX"),
                        accepted.body().path("caseNumber").asText())
                .body();
        assertThat(file.path("dueAt").isNull() || file.path("dueAt").isMissingNode())
                .isTrue();
        assertThat(client.taskOf(
                        TestTokens.staff("approver", "QX", "power-supply"),
                        file.path("caseNumber").asText(),
                        "start-verification"))
                .isPresent();
    }

    @Test
    void aBreachOpensOneSupervisionOrderThatOnlySupervisorsCloseWithAReason() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String breached = accepted(
                OwningService.ENTERPRISE_OPENING,
                "FC",
                "EO-1",
                department,
                Instant.now().plusSeconds(2));

        JsonNode order = orderFor("FC", "SV-2a", "breach:" + breached);
        assertThat(order.path("department").asText()).isEqualTo(department);
        assertThat(order.path("dueAt").isTextual()).isTrue();
        assertThat(order.path("data").path("supervisedCase").asText()).isEqualTo(breached);
        String orderCase = order.path("caseNumber").asText();
        // the department's service hears of it on this service's topic
        assertThat(TestEventSender.recordsOn(OwningService.SUPERVISION.topic(), orderCase, Duration.ofSeconds(30)))
                .anySatisfy(r -> assertThat(r.value())
                        .contains("supervision.notice-sent")
                        .contains(breached));

        Thread.sleep(2000); // scans go on: still one 督办 for the case
        assertThat(orders("FC", "SV-2a").stream()
                        .filter(o -> client.read(supervisor("FC"), o)
                                .body()
                                .path("causedBy")
                                .asText()
                                .equals("breach:" + breached))
                        .count())
                .isEqualTo(1);

        String clerk = TestTokens.clerk("FC");
        String supervisor = supervisor("FC");
        assertThat(client.taskOf(clerk, orderCase, "record-response")).isEmpty();
        JsonNode response =
                client.taskOf(supervisor, orderCase, "record-response").orElseThrow();
        Reply byClerk =
                client.complete(clerk, response.path("id").asText(), "{\"decision\":\"APPROVED\",\"comment\":\"已反馈\"}");
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(client.complete(
                                supervisor,
                                response.path("id").asText(),
                                "{\"decision\":\"APPROVED\",\"comment\":\"部门反馈：材料审核积压，已加派人手\"}")
                        .status())
                .isEqualTo(204);
        JsonNode close =
                client.taskOf(supervisor, orderCase, "close-supervision").orElseThrow();
        assertThat(client.complete(supervisor, close.path("id").asText(), "{\"decision\":\"APPROVED\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.complete(
                                supervisor,
                                close.path("id").asText(),
                                "{\"decision\":\"APPROVED\",\"comment\":\"已办结，部门承诺整改\"}")
                        .status())
                .isEqualTo(204);
        assertThat(client.read(supervisor, orderCase).body().path("status").asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void aDepartmentsThirdBreachThisMonthIsEscalated() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String first = accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                department,
                Instant.now().minusSeconds(5));
        orderFor("LC", "SV-2a", "breach:" + first);
        String second = accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                department,
                Instant.now().minusSeconds(5));
        orderFor("LC", "SV-2a", "breach:" + second);
        String third = accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                department,
                Instant.now().minusSeconds(5));
        JsonNode escalated = orderFor("LC", "SV-2b", "breach:" + third);
        assertThat(client.taskOf(supervisor("LC"), escalated.path("caseNumber").asText(), "coordinate"))
                .isPresent();
    }

    @Test
    void aBadRatingOpensARectificationForTheRatedCasesDepartmentAndAGoodOneNothing() throws Exception {
        String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String liked = accepted(
                OwningService.PROPERTY_REGISTRATION,
                "QX",
                "PR-3a",
                department,
                Instant.now().plusSeconds(86_400));
        String disliked = accepted(
                OwningService.PROPERTY_REGISTRATION,
                "QX",
                "PR-3a",
                department,
                Instant.now().plusSeconds(86_400));
        for (String cn : List.of(liked, disliked)) {
            send(OwningService.PROPERTY_REGISTRATION, cn, "QX", "case.decided", Map.of("decision", "APPROVED"));
            send(OwningService.PROPERTY_REGISTRATION, cn, "QX", "case.delivered", Map.of("channel", "WINDOW"));
        }
        send(OwningService.PROPERTY_REGISTRATION, liked, "QX", "case.rated", Map.of("score", 4));
        send(OwningService.PROPERTY_REGISTRATION, disliked, "QX", "case.rated", Map.of("score", 1, "comment", "窗口态度差"));

        JsonNode rectification = orderFor("QX", "SV-3", "rating:" + disliked);
        assertThat(rectification.path("department").asText()).isEqualTo(department);
        assertThat(orders("QX", "SV-3").stream()
                        .map(o -> client.read(supervisor("QX"), o)
                                .body()
                                .path("causedBy")
                                .asText())
                        .toList())
                .doesNotContain("rating:" + liked);

        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode ratings = client.call(
                        "GET",
                        "/api/v1/supervision/board/ratings?from=" + today + "&to=" + today,
                        supervisor("QX"),
                        null,
                        null)
                .body();
        JsonNode ours = null;
        for (JsonNode r : ratings.path("ratings")) {
            if (r.path("department").asText().equals(department)) {
                ours = r;
            }
        }
        assertThat(ours).as(ratings.toString()).isNotNull();
        assertThat(ours.path("rated").asLong()).isEqualTo(2);
        assertThat(ours.path("dissatisfied").asLong()).isEqualTo(1);
        assertThat(ours.path("average").asDouble()).isEqualTo(2.5);
        JsonNode month = client.call("GET", "/api/v1/supervision/board/monthly", supervisor("QX"), null, null)
                .body();
        JsonNode line = null;
        for (JsonNode d : month.path("departments")) {
            if (d.path("department").asText().equals(department)) {
                line = d;
            }
        }
        assertThat(line).as(month.toString()).isNotNull();
        assertThat(line.path("decided").asLong()).isEqualTo(2);
        assertThat(line.path("dissatisfied").asLong()).isEqualTo(1);
        assertThat(line.path("rectifications").asLong()).isEqualTo(1);
        Reply badMonth =
                client.call("GET", "/api/v1/supervision/board/monthly?month=2026-13", supervisor("QX"), null, null);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body().path("errors").findValuesAsText("field")).containsExactly("month");
        assertThat(client.call("GET", "/api/v1/supervision/board/monthly", TestTokens.clerk("QX"), null, null)
                        .status())
                .isEqualTo(403);

        String rectifier = TestTokens.staff("approver", "QX", department);
        String cn = rectification.path("caseNumber").asText();
        JsonNode rectify = client.taskOf(rectifier, cn, "rectify").orElseThrow();
        assertThat(client.complete(
                                rectifier,
                                rectify.path("id").asText(),
                                "{\"decision\":\"APPROVED\",\"comment\":\"已对窗口人员批评教育并培训\"}")
                        .status())
                .isEqualTo(204);
        JsonNode visit = client.taskOf(supervisor("QX"), cn, "follow-up-visit").orElseThrow();
        assertThat(client.complete(
                                supervisor("QX"),
                                visit.path("id").asText(),
                                "{\"decision\":\"APPROVED\",\"comment\":\"回访申请人，表示满意\"}")
                        .status())
                .isEqualTo(204);
        assertThat(client.read(supervisor("QX"), cn).body().path("status").asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void nobodyAppliesForASupervisionOrder() {
        String form =
                """
                {"jurisdiction":"FC","matterCode":"SV-2a","channel":"WINDOW",
                 "applicant":{"type":"AUTHORITY","name":"market-regulation"},
                 "materials":[],"data":{"supervisedCase":"FC-EO-20261203-000001-0","departmentBreachesThisMonth":0}}""";
        Reply authority = client.apply(TestTokens.clerk("FC"), form);
        assertThat(authority.status()).isEqualTo(400);
        assertThat(authority.body().path("errors").findValuesAsText("field")).containsExactly("applicant.type");
        Reply enterprise = client.apply(
                TestTokens.clerk("FC"),
                form.replace(
                        "\"type\":\"AUTHORITY\",\"name\":\"market-regulation\"",
                        "\"type\":\"ENTERPRISE\",\"name\":\"某公司\",\"uscc\":\"91370402MA3C00001X\""));
        assertThat(enterprise.status()).isEqualTo(400);
        assertThat(enterprise.body().path("errors").findValuesAsText("code")).contains("matter.opened-by-platform");
        assertThat(enterprise.body().path("errors").findValuesAsText("field")).containsExactly("matterCode");
    }

    // --- helpers ---

    static String appeal(String jurisdiction, String department, String summary) {
        return """
                {"jurisdiction":"%s","matterCode":"SV-1","channel":"WINDOW",
                 "applicant":{"type":"ENTERPRISE","name":"聊城某贸易有限公司","uscc":"91370402MA3C00001X"},
                 "materials":[],"data":{"handlingDepartment":"%s","appealSummary":"%s"}}"""
                .formatted(jurisdiction, department, summary);
    }

    static String supervisor(String jurisdiction) {
        return TestTokens.staff("supervisor", jurisdiction, "service-centre");
    }

    static JsonNode clock(JsonNode file, String name) {
        for (JsonNode c : file.path("clocks")) {
            if (c.path("clock").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no clock " + name + " in " + file.path("clocks"));
    }

    List<String> orders(String jurisdiction, String matter) {
        Reply list = client.call(
                "GET",
                "/api/v1/supervision/cases?matter=" + matter + "&limit=200",
                supervisor(jurisdiction),
                null,
                null);
        assertThat(list.status()).isEqualTo(200);
        return list.body().findValuesAsText("caseNumber");
    }

    /** The order a cause opened, as its supervisors read it, once it is there. */
    JsonNode orderFor(String jurisdiction, String matter, String cause) {
        return await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> orders(jurisdiction, matter).stream()
                                .map(o ->
                                        client.read(supervisor(jurisdiction), o).body())
                                .filter(o -> o.path("causedBy").asText().equals(cause))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    String accepted(OwningService service, String jurisdiction, String matter, String department, Instant due)
            throws Exception {
        String cn = new CaseNumber(jurisdiction, service, LocalDate.of(2026, 12, 3), SEQ.incrementAndGet()).toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service.id());
        data.put("matterCode", matter);
        data.put("catalogueVersion", "2026.1");
        data.put("department", department);
        data.put("channel", "WINDOW");
        data.put("outcome", "ACCEPTED");
        data.put("applicant", Map.of("type", "ENTERPRISE", "uscc", "91370402MA3C00001X"));
        data.put("acceptedAt", Instant.now().toString());
        data.put("promisedDueAt", due.toString());
        data.put("calendarKnown", true);
        send(service, cn, jurisdiction, "case.accepted", data);
        return cn;
    }

    void send(OwningService service, String cn, String jurisdiction, String type, Map<String, Object> data)
            throws Exception {
        CaseEvent event = new CaseEvent(
                "1.0",
                UUID.randomUUID().toString(),
                type,
                "/onewindow/" + service.id(),
                cn,
                Instant.now(),
                jurisdiction,
                data,
                null);
        producer.sendJson(service.topic(), cn, type, event.id(), event);
    }
}
