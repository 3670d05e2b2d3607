package org.onewindow.supervision.board.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board rebuilt from the topics on a real Kafka broker and PostgreSQL: replayed from the
 * beginning into a fresh table and swapped in, it holds the same lines as the board the live feeds
 * built (what the board flagged itself is flagged again), skips what the live feed sent to the
 * dead-letter topic, and the live feeds go on writing into it.
 */
@CaseServiceTest(database = "sv_rebuild", properties = "onewindow.board.scan-every=500ms")
class BoardRebuildTest {

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

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRebuiltBoardIsTheBoardTheFeedsBuiltAndTheFeedsGoOnIntoIt() throws Exception {
        CaseServiceClient client = new CaseServiceClient(port, "supervision");
        String admin = TestTokens.staff("admin", "FC", "service-centre");
        String open = accepted(
                OwningService.ENTERPRISE_OPENING, "FC", "EO-1", Instant.now().plusSeconds(3600));
        String paused = accepted(
                OwningService.UTILITY_HOOKUP, "LC", "UT-E1", Instant.now().plusSeconds(7200));
        send(OwningService.UTILITY_HOOKUP, paused, "LC", "case.suspended", Map.of("reason", "CUSTOMER_WORKS"));
        String rated = accepted(
                OwningService.PROPERTY_REGISTRATION,
                "QX",
                "PR-3a",
                Instant.now().plusSeconds(3600));
        send(OwningService.PROPERTY_REGISTRATION, rated, "QX", "case.decided", Map.of("decision", "APPROVED"));
        send(OwningService.PROPERTY_REGISTRATION, rated, "QX", "case.delivered", Map.of("channel", "WINDOW"));
        send(OwningService.PROPERTY_REGISTRATION, rated, "QX", "case.rated", Map.of("score", 5));
        String overdue = accepted(
                OwningService.CONSTRUCTION_PERMIT, "ST", "CP-2", Instant.now().minusSeconds(30));
        send(OwningService.ENTERPRISE_OPENING, open, "FC", "case.rated", Map.of("score", 9)); // unusable
        List<String> ours = List.of(open, paused, rated, overdue);

        await().atMost(Duration.ofSeconds(40))
                .until(() -> lines(ours).size() == 4
                        && lines(ours).stream().anyMatch(l -> l.startsWith(rated) && l.contains("|DELIVERED|"))
                        && lines(ours).stream().anyMatch(l -> l.startsWith(overdue) && l.contains("|RED")));
        List<String> before = lines(ours);

        assertThat(client.call(
                                "POST",
                                "/api/v1/supervision/board/rebuild",
                                TestTokens.staff("supervisor", "FC", "service-centre"),
                                null,
                                null)
                        .status())
                .isEqualTo(403);
        Reply started = client.call("POST", "/api/v1/supervision/board/rebuild", admin, null, null);
        assertThat(started.status()).isEqualTo(202);
        Reply again = client.call("POST", "/api/v1/supervision/board/rebuild", admin, null, null);
        assertThat(again.status()).as("while one runs").isIn(409, 202);

        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> client.call("GET", "/api/v1/supervision/board/rebuild", admin, null, null)
                                .body(),
                        p -> !p.path("state").asText().equals("RUNNING"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("eventsRead").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(done.path("eventsSkipped").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(done.path("durationMs").asLong()).isPositive();

        assertThat(lines(ours)).containsExactlyElementsOf(before);
        String flaggedAgain = jdbc.sql("SELECT overdue_since IS NOT NULL FROM board_case WHERE case_number = ?")
                .param(overdue)
                .query(String.class)
                .single();
        assertThat(flaggedAgain).isIn("t", "true");

        String after = accepted(
                OwningService.ENTERPRISE_OPENING, "FC", "EO-1", Instant.now().plusSeconds(3600));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(List.of(after)).size() == 1);
    }

    /** The lines of these cases as text, without the columns that record when the board wrote them. */
    List<String> lines(List<String> cases) {
        return jdbc.sql(
                        """
                        SELECT concat_ws('|', case_number, service, jurisdiction, matter_code, department, channel,
                                         applicant_type, applicant_id, status, accepted_at, due_at, suspended, level,
                                         decided_at, on_time, score)
                        FROM board_case WHERE case_number = ANY (?) ORDER BY case_number""")
                .param(cases.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    String accepted(OwningService service, String jurisdiction, String matter, Instant due) throws Exception {
        String cn = new CaseNumber(jurisdiction, service, LocalDate.of(2026, 12, 3), SEQ.incrementAndGet()).toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service.id());
        data.put("matterCode", matter);
        data.put("catalogueVersion", "2026.1");
        data.put("department", "dept-" + jurisdiction.toLowerCase());
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
