package org.onewindow.gateway.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.SortedSet;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.LimitUnit;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The raw statutory clock of a jurisdiction: when does a period starting then run out. Public. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

    private final CatalogueLookup jurisdictions;
    private final PromisedDates promisedDates;

    CalendarController(CatalogueLookup jurisdictions, PromisedDates promisedDates) {
        this.jurisdictions = jurisdictions;
        this.promisedDates = promisedDates;
    }

    /** The units a caller may ask for; HOURS are working hours within office hours. */
    enum Unit {
        IMMEDIATE(LimitUnit.IMMEDIATE),
        HOURS(LimitUnit.WORKING_HOURS),
        WORKING_HOURS(LimitUnit.WORKING_HOURS),
        WORKING_DAYS(LimitUnit.WORKING_DAYS),
        NATURAL_DAYS(LimitUnit.NATURAL_DAYS),
        MONTHS(LimitUnit.MONTHS);

        final LimitUnit limitUnit;

        Unit(LimitUnit limitUnit) {
            this.limitUnit = limitUnit;
        }

        static Unit parse(String text) {
            return Arrays.stream(values())
                    .filter(u -> u.name().equalsIgnoreCase(text == null ? "" : text.trim()))
                    .findFirst()
                    .orElseThrow(() -> Rejection.invalid(FieldViolation.of(
                            "unit",
                            "unit.unknown",
                            "时限单位无效：" + text + "（可选 " + Arrays.toString(values()) + "）",
                            "unit '" + text + "' is not one of " + Arrays.toString(values()))));
        }
    }

    record Due(
            String jurisdiction,
            String catalogueVersion,
            OffsetDateTime from,
            BigDecimal amount,
            String unit,
            OffsetDateTime dueAt,
            boolean calendarKnown,
            SortedSet<Integer> unknownYears) {}

    @GetMapping("/{jurisdiction}/due")
    Due due(
            @PathVariable String jurisdiction,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String unit) {
        Unit u = Unit.parse(unit);
        BigDecimal n = amount(amount, u);
        Instant start = IsoInstant.parse(from, "from", promisedDates.zone());
        CatalogueVersion version = jurisdictions.inForce(
                jurisdiction, start.atZone(promisedDates.zone()).toLocalDate());
        DueDate due = promisedDates.due(version, limit(n, u), start);
        return new Due(
                version.jurisdiction().code(),
                version.version(),
                start.atZone(promisedDates.zone()).toOffsetDateTime(),
                n,
                u.name(),
                due.at().atZone(promisedDates.zone()).toOffsetDateTime(),
                due.calendarKnown(),
                due.unknownYears());
    }

    /** The kernel's TimeLimit states what a limit may be (positive; whole natural days); say it here. */
    private static TimeLimit limit(BigDecimal amount, Unit unit) {
        try {
            return new TimeLimit(amount, unit.limitUnit);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid(
                    FieldViolation.of("amount", "amount.invalid", "时限数量无效：" + e.getMessage(), e.getMessage()));
        }
    }

    private static BigDecimal amount(String text, Unit unit) {
        if (text == null || text.isBlank()) {
            if (unit == Unit.IMMEDIATE) {
                return BigDecimal.ZERO;
            }
            throw Rejection.invalid(FieldViolation.of("amount", "amount.missing", "请填写时限数量", "amount is required"));
        }
        BigDecimal n;
        try {
            n = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw Rejection.invalid(FieldViolation.of(
                    "amount", "amount.malformed", "时限数量不是数字：" + text, "'" + text + "' is not a number"));
        }
        if (n.signum() < 0) {
            throw Rejection.invalid(FieldViolation.of(
                    "amount", "amount.negative", "时限数量不能为负数", "amount must not be negative: " + text));
        }
        if (n.compareTo(BigDecimal.valueOf(3660)) > 0) {
            throw Rejection.invalid(
                    FieldViolation.of("amount", "amount.too-large", "时限数量过大（最多 3660）", "amount must be at most 3660"));
        }
        return n;
    }
}
