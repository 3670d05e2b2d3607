package org.onewindow.runtime.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/<service>/calendar-recomputation}, for administrators: {@code GET} how many open
 * cases are still on an older holiday calendar, {@code POST} recomputes the next batch of them
 * (one transaction a batch, so each call stays short; the console calls again until none remain
 * and shows the progress).
 */
@RestController
@RequestMapping("/api/v1/${onewindow.service}/calendar-recomputation")
public class CalendarRecomputationController {

    static final int DEFAULT_BATCH = 100;
    static final int MAX_BATCH = 500;

    private final CalendarRecomputation recomputation;
    private final UnitOfWork work;
    private final String service;
    private final ZoneId zone;

    CalendarRecomputationController(
            CalendarRecomputation recomputation,
            UnitOfWork work,
            PromisedDates dates,
            @Value("${onewindow.service}") String service) {
        this.recomputation = recomputation;
        this.work = work;
        this.service = service;
        this.zone = dates.zone();
    }

    record RecomputationStanding(String service, int calendarThrough, int pending) {}

    record RecomputationRequest(String reason, Integer batchSize) {}

    record RecomputedCase(
            String caseNumber,
            OffsetDateTime dueBefore,
            OffsetDateTime dueAfter,
            OffsetDateTime wholeProcessDueAt,
            boolean calendarKnown) {}

    record RecomputationBatch(String service, int calendarThrough, List<RecomputedCase> recomputed, int remaining) {}

    @GetMapping
    RecomputationStanding standing(Caller caller) {
        CalendarRecomputation.Standing s = recomputation.standing(caller);
        return new RecomputationStanding(service, s.calendarThrough(), s.pending());
    }

    @PostMapping
    RecomputationBatch recompute(Caller caller, @RequestBody(required = false) RecomputationRequest body) {
        RecomputationRequest request = body == null ? new RecomputationRequest(null, null) : body;
        int size = request.batchSize() == null ? DEFAULT_BATCH : request.batchSize();
        if (size < 1 || size > MAX_BATCH) {
            throw Rejection.invalid(FieldViolation.of(
                    "batchSize",
                    "batch-size.invalid",
                    "每批办件数应在 1 到 " + MAX_BATCH + " 之间",
                    "batchSize must be 1 to " + MAX_BATCH));
        }
        CalendarRecomputation.Batch batch = work.run(() -> recomputation.recompute(caller, request.reason(), size));
        return new RecomputationBatch(
                service,
                batch.calendarThrough(),
                batch.recomputed().stream()
                        .map(r -> new RecomputedCase(
                                r.caseNumber(),
                                at(r.dueBefore()),
                                at(r.dueAfter()),
                                at(r.wholeProcessDueAt()),
                                r.calendarKnown()))
                        .toList(),
                batch.remaining());
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
