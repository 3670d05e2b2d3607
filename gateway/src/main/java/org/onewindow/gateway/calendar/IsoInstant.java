package org.onewindow.gateway.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * Reads an instant as people type it at a window: with an offset ({@code 2026-09-30T10:00+08:00}),
 * as UTC ({@code …Z}), or as local time of the service centre ({@code 2026-09-30T10:00}); a bare
 * date means the start of that day.
 */
public final class IsoInstant {
    private IsoInstant() {}

    public static Instant parse(String text, String field, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw Rejection.invalid(
                    FieldViolation.of(field, "instant.missing", field + " 不能为空", field + " is required (ISO-8601)"));
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset; try the local forms
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local date-time either
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(FieldViolation.of(
                    field,
                    "instant.malformed",
                    field + " 不是有效的时间：" + text + "（示例 2026-09-30T10:00:00+08:00）",
                    "'" + text + "' is not an ISO-8601 date-time such as 2026-09-30T10:00:00+08:00"));
        }
    }
}
