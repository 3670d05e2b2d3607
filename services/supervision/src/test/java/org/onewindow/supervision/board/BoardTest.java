package org.onewindow.supervision.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The board on a real PostgreSQL and Kafka broker, fed only by the services' events as they put
 * them on their topics: every service's cases on their jurisdiction's board, a due date passing
 * with no event turns the case red, decisions count towards the share within the promise, bad data
 * goes to the dead-letter topic, and only a jurisdiction's supervisors see its board.
 */
@CaseServiceTest(database = "sv_board", properties = "onewindow.board.scan-every=500ms")
class BoardTest {

    static final AtomicInteger SEQ = new AtomicInteger(new java.util.Random().nextInt(900_000));
    /** Every case service's topic exists before the board subscribes, as on the stack. */
    @RegisterExtension
    static TestEventSender producer = TestEventSender.onTopics(
            OwningService.ENTERPRISE_OPENING.topic(),
            OwningService.CONSTRUCTION_PERMIT.topic(),
            OwningService.PROPERTY_REGISTRATION.topic(),
            OwningService.UTILITY_HOOKUP.topic());

    @LocalServerPort
    int port;

    CaseServiceClient client;

    @BeforeEach
    void setUp() {
        client = new CaseServiceClient(port, "supervision");
    }

    @Test
    void everyServicesCasesAppearOnTheirJurisdictionsBoardOnly() throws Exception {
        String eo = accepted(
                OwningService.ENTERPRISE_OPENING,
                "FC",
                "EO-1",
                "market-regulation",
                Instant.now().plusSeconds(3600));
        String ut = accepted(
                OwningService.UTILITY_HOOKUP,
                "FC",
                "UT-W1",
                "water-supply",
                Instant.now().plusSeconds(7200));
        String lc = accepted(
                OwningService.PROPERTY_REGISTRATION,
                "LC",
                "PR-3a",
                "real-estate-registration",
                Instant.now().plusSeconds(3600));

        JsonNode fc = await().atMost(Duration.ofSeconds(30))
                .until(() -> board("FC", ""), b -> cases(b).containsAll(List.of(eo, ut)));
        assertThat(cases(fc)).doesNotContain(lc);
        JsonNode line = lineOf(fc, ut);
        assertThat(line.path("service").asText()).isEqualTo("utility-hookup");
        assertThat(line.path("department").asText()).isEqualTo("water-supply");
        assertThat(line.path("state").asText()).isEqualTo("GREEN");
        assertThat(fc.path("open").findValuesAsText("service")).contains("enterprise-opening", "utility-hookup");

        assertThat(cases(board("FC", "&service=utility-hookup"))).contains(ut).doesNotContain(eo);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases(board("LC", "")).contains(lc));
    }

    @Test
    void aCaseWhoseDueDatePassesTurnsRedWithNoEventFromItsService() throws Exception {
        String cn = accepted(
                OwningService.CONSTRUCTION_PERMIT,
                "ST",
                "CP-2",
                "planning",
                Instant.now().plusSeconds(3));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases(board("ST", "&state=GREEN")).contains(cn));
        JsonNode red = await().atMost(Duration.ofSeconds(20))
                .until(() -> board("ST", "&state=RED"), b -> cases(b).contains(cn));
        assertThat(lineOf(red, cn).path("overdueSince").isTextual()).isTrue();
        assertThat(lineOf(red, cn).path("remainingWorkingMinutes").asLong()).isNotPositive();
        assertThat(red.path("ageing").findValuesAsText("key")).contains("UP_TO_1_DAY");
        assertThat(red.path("departments").findValuesAsText("key")).contains("planning");
        assertThat(red.path("matters").findValuesAsText("key")).contains("CP-2");
    }

    @Test
    void aPausedCaseIsNotFlaggedAndItsResumptionBringsTheNewDueDate() throws Exception {
        String cn = accepted(
                OwningService.ENTERPRISE_OPENING,
                "QX",
                "EO-1",
                "market-regulation",
                Instant.now().plusSeconds(2));
        send(OwningService.ENTERPRISE_OPENING, cn, "QX", "case.suspended", Map.of("reason", "FEE_PAYMENT"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases(board("QX", "&state=PAUSED")).contains(cn));
        Thread.sleep(3000); // past the old due date: a paused case's clock stands still
        assertThat(cases(board("QX", "&state=RED"))).doesNotContain(cn);

        Instant moved = Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(OwningService.ENTERPRISE_OPENING, cn, "QX", "case.resumed", Map.of("promisedDueAt", moved.toString()));
        JsonNode green = await().atMost(Duration.ofSeconds(30))
                .until(() -> board("QX", "&state=GREEN"), b -> cases(b).contains(cn));
        assertThat(java.time.OffsetDateTime.parse(
                                lineOf(green, cn).path("dueAt").asText())
                        .toInstant())
                .isEqualTo(moved);
    }

    @Test
    void decisionsCountTowardsTheShareWithinThePromise() throws Exception {
        String onTime = accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                "power-supply",
                Instant.now().plusSeconds(3600));
        String late = accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                "power-supply",
                Instant.now().minusSeconds(60));
        send(OwningService.UTILITY_HOOKUP, onTime, "LC", "case.decided", Map.of("decision", "APPROVED"));
        send(OwningService.UTILITY_HOOKUP, late, "LC", "case.decided", Map.of("decision", "APPROVED"));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode share = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(
                                        "/api/v1/supervision/board/within-promise?from=" + today + "&to=" + today,
                                        supervisor("LC"))
                                .body(),
                        b -> b.path("matters").findValues("decided").stream()
                                        .mapToLong(JsonNode::asLong)
                                        .sum()
                                >= 2);
        JsonNode e1 = null;
        for (JsonNode m : share.path("matters")) {
            if ("UT-E1".equals(m.path("matterCode").asText())) {
                e1 = m;
            }
        }
        assertThat(e1).isNotNull();
        assertThat(e1.path("decided").asLong() - e1.path("onTime").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(cases(board("LC", ""))).doesNotContain(onTime, late);
    }

    @Test
    void anEventTheBoardCannotUseGoesToTheDeadLetterTopicAndTheRestGoOn() throws Exception {
        String cn = accepted(
                OwningService.ENTERPRISE_OPENING,
                "FC",
                "EO-1",
                "market-regulation",
                Instant.now().plusSeconds(3600));
        send(OwningService.ENTERPRISE_OPENING, cn, "FC", "case.rated", Map.of("score", 9));
        String dlt = OwningService.ENTERPRISE_OPENING.topic() + ".supervision.board-enterprise-opening.dlt";
        assertThat(TestEventSender.recordsOn(dlt, cn, Duration.ofSeconds(30))).isNotEmpty();

        String next = accepted(
                OwningService.ENTERPRISE_OPENING,
                "FC",
                "EO-1",
                "market-regulation",
                Instant.now().plusSeconds(3600));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases(board("FC", "")).contains(next));
    }

    @Test
    void onlyAJurisdictionsSupervisorsSeeItsBoard() {
        Reply clerk = get("/api/v1/supervision/board", TestTokens.clerk("FC"));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.contentType()).startsWith("application/problem+json");
        assertThat(clerk.body().path("detailZh").asText()).contains("督查");

        Reply applicant = get(
                "/api/v1/supervision/board",
                TestTokens.issue("someone", List.of("applicant"), null, null, "91370402MA3C00001X"));
        assertThat(applicant.status()).isEqualTo(403);

        Reply badState = get("/api/v1/supervision/board?state=PURPLE", supervisor("FC"));
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body().path("errors").findValuesAsText("field")).containsExactly("state");

        assertThat(get("/api/v1/supervision/board", null).status()).isEqualTo(401);
    }

    @Test
    void staffFindACaseOfAnyServiceOfTheirJurisdictionByItsNumber() throws Exception {
        String cn = accepted(
                OwningService.PROPERTY_REGISTRATION,
                "ST",
                "PR-3a",
                "real-estate-registration",
                Instant.now().plusSeconds(3600));
        JsonNode found = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get("/api/v1/supervision/search?caseNumber=" + cn.toLowerCase(), TestTokens.clerk("ST"))
                                .body(),
                        b -> b.size() == 1);
        assertThat(found.get(0).path("service").asText()).isEqualTo("property-registration");
        assertThat(found.get(0).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(get("/api/v1/supervision/search?caseNumber=" + cn, TestTokens.clerk("FC"))
                        .body())
                .isEmpty();

        Reply typo = get(
                "/api/v1/supervision/search?caseNumber=ST-PR-20261203-000001-0&status=OPEN", TestTokens.clerk("ST"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("caseNumber", "status");
    }

    @Test
    void anApplicantSeesTheirOwnCasesOfEveryServiceAndJurisdictionOnly() throws Exception {
        String uscc = "91370402MA3C%05dX".formatted(SEQ.incrementAndGet() % 100_000);
        String eo = accepted(
                OwningService.ENTERPRISE_OPENING,
                "FC",
                "EO-1",
                "market-regulation",
                Instant.now().plusSeconds(3600),
                uscc);
        String ut = accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                "power-supply",
                Instant.now().plusSeconds(3600),
                uscc);
        accepted(
                OwningService.UTILITY_HOOKUP,
                "LC",
                "UT-E1",
                "power-supply",
                Instant.now().plusSeconds(3600),
                "91370402MA3C99999X");
        String own = TestTokens.issue("enterprise", List.of("applicant"), null, null, uscc);

        JsonNode mine = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/supervision/my-cases", own).body(), b -> b.size() >= 2);
        assertThat(mine.findValuesAsText("caseNumber")).containsExactlyInAnyOrder(eo, ut);
        assertThat(get("/api/v1/supervision/my-cases", supervisor("FC")).status())
                .isEqualTo(403);
        assertThat(get("/api/v1/supervision/search", own).status()).isEqualTo(403);
    }

    // --- helpers ---

    String accepted(OwningService service, String jurisdiction, String matter, String department, Instant due)
            throws Exception {
        return accepted(service, jurisdiction, matter, department, due, "91370402MA3C00001X");
    }

    String accepted(
            OwningService service, String jurisdiction, String matter, String department, Instant due, String uscc)
            throws Exception {
        String cn = new CaseNumber(jurisdiction, service, LocalDate.of(2026, 12, 3), SEQ.incrementAndGet()).toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service.id());
        data.put("matterCode", matter);
        data.put("catalogueVersion", "2026.1");
        data.put("department", department);
        data.put("channel", "WINDOW");
        data.put("outcome", "ACCEPTED");
        data.put("applicant", Map.of("type", "ENTERPRISE", "uscc", uscc));
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

    JsonNode board(String jurisdiction, String query) {
        Reply reply = get("/api/v1/supervision/board?limit=500" + query, supervisor(jurisdiction));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    Reply get(String path, String token) {
        return client.call("GET", path, token, null, null);
    }

    static String supervisor(String jurisdiction) {
        return TestTokens.staff("supervisor", jurisdiction, "supervision");
    }

    static List<String> cases(JsonNode board) {
        return board.path("cases").findValuesAsText("caseNumber");
    }

    static JsonNode lineOf(JsonNode board, String cn) {
        for (JsonNode l : board.path("cases")) {
            if (cn.equals(l.path("caseNumber").asText())) {
                return l;
            }
        }
        throw new AssertionError(cn + " not on the board: " + board);
    }
}
