package org.onewindow.supervision.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.calendar.infrastructure.CalendarFeed;
import org.onewindow.kernel.calendar.infrastructure.CalendarNotice;
import org.onewindow.kernel.clock.model.CalendarYear;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 节假日安排: an administrator loads a year's State Council notice. It is validated whole, checked
 * against the calendar in force (years stay consecutive), audited, and published to {@value
 * CalendarFeed#TOPIC}, from which every service (this one too) takes it into force. Nothing is
 * published when any check fails, and the audit line is written only when the topic took the year.
 */
@Component
public class CalendarLoads {

    private static final Duration SEND_WITHIN = Duration.ofSeconds(10);

    private final LiveCalendar calendar;
    private final AuditTrail audit;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;

    public CalendarLoads(
            LiveCalendar calendar,
            AuditTrail audit,
            KafkaTemplate<String, byte[]> kafka,
            ObjectMapper json,
            Clock clock) {
        this.calendar = calendar;
        this.audit = audit;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /** What was loaded, as the admin sees it. */
    public record Loaded(CalendarNotice notice, long holidays, long makeUpDays) {}

    @Transactional
    public Loaded load(Caller caller, int year, String notice, String reason, List<CalendarYear.Day> days) {
        CalendarYear valid = CalendarYear.of(year, notice, days);
        requireReason(reason);
        try {
            calendar.current().with(valid);
        } catch (IllegalArgumentException e) {
            int last = calendar.current().lastKnownYear();
            throw Rejection.conflict(
                    "calendar.not-consecutive",
                    "节假日安排须逐年加载：已公布至 " + last + " 年，下一个可加载的是 " + (last + 1) + " 年",
                    e.getMessage());
        }
        CalendarNotice record =
                new CalendarNotice(year, valid.notice(), days, caller.username(), clock.instant(), reason.trim());
        audit.record(new AuditEntry(
                record.loadedAt(),
                caller.username(),
                caller.principalRole().name(),
                null,
                "calendar.load",
                "calendar:" + year,
                record.reason(),
                Map.of(
                        "year", year,
                        "notice", valid.notice(),
                        "holidays", valid.holidays(),
                        "makeUpDays", valid.makeUpDays())));
        publish(record);
        return new Loaded(record, valid.holidays(), valid.makeUpDays());
    }

    private void publish(CalendarNotice record) {
        try {
            kafka.send(CalendarFeed.TOPIC, Integer.toString(record.year()), json.writeValueAsBytes(record))
                    .get(SEND_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotPublished unavailable(Exception e) {
        return new NotPublished("Kafka did not take the year within " + SEND_WITHIN.toSeconds() + " s: " + e, e);
    }

    /** The topic did not take the year: nothing is in force and nothing audited (the transaction rolls back). */
    public static final class NotPublished extends RuntimeException {
        NotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalid(FieldViolation.of(
                    "reason", "calendar.reason-missing", "请填写加载原因（如：国务院通知已发布）", "say why the year is loaded"));
        }
    }
}
