package org.onewindow.supervision.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.testkit.CaseServiceClient;
import org.onewindow.testkit.CaseServiceClient.Reply;
import org.onewindow.testkit.CaseServiceTest;
import org.onewindow.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator loads next year's holiday notice: it is refused whole with the reasons when any
 * day is wrong, and once taken it is audited, on the calendar topic, and in force in this service
 * (through the same feed every service follows) without a restart.
 */
@CaseServiceTest(database = "sv_calendar")
class CalendarLoadTest {

    private static final String YEARS = "/api/v1/supervision/calendar/years/";

    @LocalServerPort
    int port;

    @Autowired
    LiveCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private Reply put(String path, String token, String body) {
        return new CaseServiceClient(port, "supervision").call("PUT", path, token, null, body);
    }

    private static String admin() {
        return TestTokens.staff("admin", "FC", "supervision");
    }

    @Test
    void aBadNoticeIsRefusedWithEveryReasonAndNothingChanges() {
        int next = calendar.current().lastKnownYear() + 1;
        Reply refused = put(
                YEARS + next,
                admin(),
                """
                {"notice":"n","reason":"r","days":[
                  {"date":"%1$d-01-04","kind":"WORK","name":"元旦"},
                  {"date":"%1$d-01-01","kind":"OFF","name":"元旦"},
                  {"date":"%1$d-01-01","kind":"OFF","name":"元旦"}]}"""
                        .formatted(next));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("days[0].kind", "days[2].date");
        assertThat(refused.body().path("errors").findValuesAsText("zh"))
                .anySatisfy(zh -> assertThat(zh).contains("调休上班日只能在周六或周日"));
        assertThat(put(YEARS + (next + 3), admin(), notice(next + 3)).status())
                .as("a gap")
                .isEqualTo(409);
        assertThat(put(YEARS + next, TestTokens.clerk("FC"), notice(next)).status())
                .isEqualTo(403);
        assertThat(calendar.current().isKnown(next)).isFalse();
    }

    @Test
    void theNextYearIsAuditedAndTakesEffectWithoutARestart() {
        int next = calendar.current().lastKnownYear() + 1;
        Reply loaded = put(YEARS + next, admin(), notice(next));
        assertThat(loaded.status()).as(loaded.body().toString()).isEqualTo(202);
        assertThat(loaded.body().path("holidays").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).until(() -> calendar.current().isKnown(next));
        assertThat(calendar.current().isWorkingDay(LocalDate.of(next, 1, 1))).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_trail WHERE action = 'calendar.load' AND subject = ?")
                        .param("calendar:" + next)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Reply years = new CaseServiceClient(port, "supervision")
                .call("GET", "/api/v1/supervision/calendar/years", admin(), null, null);
        assertThat(years.body().findValuesAsText("year")).contains(Integer.toString(next));
    }

    private static String notice(int year) {
        return """
            {"notice":"测试通知","reason":"测试","days":[{"date":"%d-01-01","kind":"OFF","name":"元旦"}]}"""
                .formatted(year);
    }
}
