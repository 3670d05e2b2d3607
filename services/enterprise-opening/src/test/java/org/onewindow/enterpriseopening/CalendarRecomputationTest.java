package org.onewindow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.apply;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.bundleApplication;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.call;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.clerk;
import static org.onewindow.enterpriseopening.EnterpriseOpeningTestSupport.eventsOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.clock.model.CalendarYear;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.EventSchemas;
import org.onewindow.testkit.MovableClock;
import org.onewindow.testkit.OneWindowTestEnvironment;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 按新节假日安排重算 on the real database, engine and broker. An FC case accepted on Thursday 31
 * December 2026 at 16:00 (0.5 working days: 1.5 office hours that day, 2 the next working day) is
 * promised for 1 January 2027 11:00, "calendar unknown"; 2027's notice (元旦 off) is loaded into this
 * service's live calendar (the feed from the calendar topic is off here, so the test's calendar is
 * the shipped one, through 2026, whatever other builds put on the shared broker); the promise stays
 * until an administrator recomputes, then it is Monday 4 January 11:00.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "onewindow.sla.scan-every=1h",
            "camunda.bpm.job-execution.enabled=false",
            "onewindow.calendar.feed.enabled=false"
        })
@Import(MovableClock.class)
class CalendarRecomputationTest {

    private static final String PATH = "/api/v1/enterprise-opening/calendar-recomputation";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        OneWindowTestEnvironment.register(registry, "eo_recompute");
        registry.add("onewindow.departments.base-url", () -> "http://127.0.0.1:9");
    }

    @LocalServerPort
    int port;

    @Autowired
    LiveCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private static String admin() {
        return TestTokens.staff("admin", "FC", "supervision");
    }

    @Test
    void anAdministratorMovesTheCalendarUnknownCasesOntoTheNewYear() {
        Instant testStart = Instant.now();
        MovableClock.set("2026-12-31T16:00");
        Reply receipt = apply(port, clerk("FC"), bundleApplication("FC", "WINDOW"));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String caseNumber = receipt.body().path("caseNumber").asText();
        assertThat(receipt.body().path("calendarKnown").asBoolean()).isFalse();
        assertThat(OffsetDateTime.parse(receipt.body().path("promisedDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-01-01T11:00+08:00"));

        assertThat(call(port, "GET", PATH, clerk("FC"), null, null).status()).isEqualTo(403);
        assertThat(standing().path("pending").asInt())
                .as("nothing is newer than the calendar the case started under")
                .isZero();

        calendar.load(CalendarYear.of(
                2027, "国务院办公厅关于2027年部分节假日安排的通知（测试）", List.of(new CalendarYear.Day("2027-01-01", "OFF", "元旦"))));
        assertThat(standing().path("calendarThrough").asInt()).isEqualTo(2027);
        assertThat(standing().path("pending").asInt()).isEqualTo(1);
        assertThat(OffsetDateTime.parse(read(caseNumber).path("dueAt").asText()))
                .as("a loaded notice moves no promised date by itself")
                .isEqualTo(OffsetDateTime.parse("2027-01-01T11:00+08:00"));

        Reply noReason = call(port, "POST", PATH, admin(), null, "{\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.body().path("errors").findValuesAsText("field")).containsExactly("reason");
        Reply badBatch = call(port, "POST", PATH, admin(), null, "{\"reason\":\"r\",\"batchSize\":0}");
        assertThat(badBatch.body().path("errors").findValuesAsText("field")).containsExactly("batchSize");
        assertThat(standing().path("pending").asInt())
                .as("a refused call changes nothing")
                .isEqualTo(1);

        MovableClock.set("2026-12-31T17:00");
        Reply done = call(port, "POST", PATH, admin(), null, "{\"reason\":\"已加载2027年节假日安排\"}");
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        assertThat(done.body().path("remaining").asInt()).isZero();
        JsonNode line = done.body().path("recomputed").path(0);
        assertThat(line.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(OffsetDateTime.parse(line.path("dueBefore").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-01-01T11:00+08:00"));
        assertThat(OffsetDateTime.parse(line.path("dueAfter").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-01-04T11:00+08:00"));

        JsonNode after = read(caseNumber);
        assertThat(after.path("calendarKnown").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(after.path("dueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-01-04T11:00+08:00"));
        assertThat(jdbc.sql("SELECT reason FROM audit_trail WHERE action = 'case.recompute-calendar' AND subject = ?")
                        .param(caseNumber)
                        .query(String.class)
                        .list())
                .containsExactly("已加载2027年节假日安排");
        assertThat(call(port, "POST", PATH, admin(), null, "{\"reason\":\"again\"}")
                        .body()
                        .path("recomputed"))
                .as("a recomputed case is done")
                .isEmpty();

        List<JsonNode> events = eventsOf(caseNumber, testStart, 2, Duration.ofSeconds(20));
        JsonNode event = events.stream()
                .filter(e -> e.path("type").asText().equals("case.due-recomputed"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no case.due-recomputed among " + events));
        assertThat(event.path("data").path("calendarThrough").asInt()).isEqualTo(2027);
        assertThat(Instant.parse(event.path("data").path("promisedDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2027-01-04T11:00+08:00").toInstant());
        for (JsonNode e : events) {
            assertThat(EventSchemas.violations(e)).as(e.toString()).isEmpty();
        }
    }

    private JsonNode standing() {
        Reply reply = call(port, "GET", PATH, admin(), null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode read(String caseNumber) {
        Reply reply = call(port, "GET", "/api/v1/cases/" + caseNumber, clerk("FC"), null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }
}
