package org.onewindow.runtime.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.CaseClock;
import org.onewindow.kernel.clock.model.SlaLevel;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseLink;
import org.onewindow.runtime.casefile.model.CaseNotices;
import org.onewindow.runtime.casefile.model.CaseQuery;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases/{caseNumber}}: a case with its 物流式 progress. The applicant sees their
 * own cases, staff those of their jurisdiction; anyone else is told the case does not exist, so
 * case numbers cannot be probed.
 */
@RestController
public class CaseController {

    private final CaseFiles cases;
    private final UnitOfWork work;
    private final CaseActions actions;
    private final ClockKeeper clocks;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final CaseNotices notices;
    private final Clock clock;
    private final ZoneId zone;

    CaseController(
            CaseFiles cases,
            UnitOfWork work,
            CaseActions actions,
            ClockKeeper clocks,
            AccessPolicy access,
            AuditTrail audit,
            CaseNotices notices,
            PromisedDates dates,
            Clock clock) {
        this.cases = cases;
        this.work = work;
        this.actions = actions;
        this.clocks = clocks;
        this.access = access;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.zone = dates.zone();
    }

    @PostMapping("/api/v1/cases/{caseNumber}/rating")
    ResponseEntity<Void> rate(
            Caller caller, @PathVariable String caseNumber, @RequestBody(required = false) CaseActions.Rating rating) {
        work.run(() -> actions.rate(caller, readable(caller, caseNumber), rating));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/cases/{caseNumber}/suspension")
    ResponseEntity<Void> suspend(
            Caller caller,
            @PathVariable String caseNumber,
            @RequestBody(required = false) CaseActions.Suspension suspension) {
        work.run(() -> actions.suspend(caller, readable(caller, caseNumber), suspension));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/cases/{caseNumber}/resumption")
    ResponseEntity<Void> resume(Caller caller, @PathVariable String caseNumber) {
        work.run(() -> actions.resume(caller, readable(caller, caseNumber)));
        return ResponseEntity.noContent().build();
    }

    /** 异议 to a published 简易注销 notice: open to any signed-in party, the notice being public. */
    @PostMapping("/api/v1/cases/{caseNumber}/objections")
    ResponseEntity<Void> object(
            Caller caller,
            @PathVariable String caseNumber,
            @RequestBody(required = false) CaseActions.Objection objection) {
        String number = CaseNumber.parse(caseNumber).toString();
        CaseFile file = cases.find(number)
                .orElseThrow(
                        () -> Rejection.notFound("case.unknown", "caseNumber", "未找到办件 " + number, "no case " + number));
        work.run(() -> actions.object(caller, file, objection));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/cases/{caseNumber}/supplements")
    ResponseEntity<Void> supplement(
            Caller caller,
            @PathVariable String caseNumber,
            @RequestBody(required = false) CaseActions.Supplement supplement) {
        work.run(() -> actions.supplement(caller, readable(caller, caseNumber), supplement));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/cases/{caseNumber}/extension")
    ResponseEntity<Void> extend(
            Caller caller,
            @PathVariable String caseNumber,
            @RequestBody(required = false) CaseActions.Extension extension) {
        work.run(() -> actions.extend(caller, readable(caller, caseNumber), extension));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/cases/{caseNumber}/withdrawal")
    ResponseEntity<Void> withdraw(
            Caller caller,
            @PathVariable String caseNumber,
            @RequestBody(required = false) CaseActions.Withdrawal withdrawal) {
        work.run(() -> actions.withdraw(caller, readable(caller, caseNumber), withdrawal));
        return ResponseEntity.noContent().build();
    }

    /** The case as the API shows it; instants in the service centre's offset. */
    record CaseView(
            String caseNumber,
            String jurisdiction,
            String matterCode,
            String catalogueVersion,
            String channel,
            String status,
            String outcome,
            String applicantName,
            OffsetDateTime acceptedAt,
            OffsetDateTime dueAt,
            OffsetDateTime wholeProcessDueAt,
            boolean calendarKnown,
            boolean suspended,
            List<String> owedMaterials,
            OffsetDateTime supplementDueAt,
            String department,
            Map<String, Object> results,
            String causedBy,
            List<CaseLink> links,
            List<ClockView> clocks,
            OffsetDateTime deliveredAt,
            Integer rating,
            List<StepView> steps,
            List<Application.Material> materials,
            Map<String, Object> data,
            List<NoticeView> notices) {}

    /** A 督办 or 整改 notice the supervision service sent about the case (staff only). */
    record NoticeView(
            String kind, String fromCase, boolean escalated, OffsetDateTime respondBy, OffsetDateTime receivedAt) {}

    /** One statutory clock as the approver and the applicant see it. */
    record ClockView(
            String clock,
            String limit,
            OffsetDateTime startedAt,
            OffsetDateTime dueAt,
            boolean running,
            String pausedFor,
            String level,
            List<CaseClock.Extension> extensions) {}

    record StepView(String step, String status, OffsetDateTime startedAt, OffsetDateTime completedAt) {}

    /**
     * One line of a case list: where the case stands and the highest SLA level its clocks reached
     * (the supervisor's board, the applicant's 我的办件).
     */
    record CaseLine(
            String caseNumber,
            String jurisdiction,
            String matterCode,
            String channel,
            String status,
            String outcome,
            String applicantName,
            String department,
            OffsetDateTime acceptedAt,
            OffsetDateTime dueAt,
            OffsetDateTime deliveredAt,
            String level) {}

    /**
     * The cases the caller may see, newest first: staff those of their jurisdiction, an applicant
     * their own (by subject or enterprise); narrowed by status, matter, department and SLA level.
     */
    @GetMapping("/api/v1/${onewindow.service}/cases")
    List<CaseLine> list(
            Caller caller,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String matter,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) SlaLevel level,
            @RequestParam(defaultValue = "50") int limit) {
        CaseQuery query;
        if (caller.isStaff() && caller.jurisdiction() != null) {
            query = CaseQuery.ofJurisdiction(caller.jurisdiction());
        } else if (caller.has(Role.APPLICANT)) {
            query = CaseQuery.ofApplicant(caller.subject(), caller.uscc());
        } else {
            throw Rejection.forbidden("只有工作人员和申请人可以查看办件列表", "only staff and applicants list cases");
        }
        return cases
                .list(query.narrowed(
                        status, blankToNull(matter), blankToNull(department), level, Math.max(1, Math.min(limit, 500))))
                .stream()
                .map(listed -> line(listed.file(), listed.level()))
                .toList();
    }

    private CaseLine line(CaseFile f, SlaLevel level) {
        return new CaseLine(
                f.caseNumber(),
                f.jurisdiction(),
                f.matterCode(),
                f.channel().name(),
                f.status().name(),
                f.outcome(),
                f.applicant().name(),
                f.department(),
                at(f.acceptedAt()),
                at(f.dueAt()),
                at(f.deliveredAt()),
                level.name());
    }

    /** One line of a case's history (办理记录): who did what, when and why. */
    record HistoryLine(
            OffsetDateTime at, String actor, String role, String action, String reason, Map<String, Object> details) {}

    /**
     * {@code GET /api/v1/cases/{caseNumber}/history}: the audit trail of a case, for staff of its
     * jurisdiction; the applicant follows the case by its steps and clocks instead.
     */
    @GetMapping("/api/v1/cases/{caseNumber}/history")
    List<HistoryLine> history(Caller caller, @PathVariable String caseNumber) {
        CaseFile file = readable(caller, caseNumber);
        if (!caller.isStaff()) {
            throw Rejection.forbidden("办理记录仅供工作人员查看；办件进度见办件详情", "the history is for staff; see the case's progress");
        }
        return audit.of(file.caseNumber()).stream()
                .map(e -> new HistoryLine(at(e.at()), e.actor(), e.role(), e.action(), e.reason(), e.details()))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/api/v1/cases/{caseNumber}")
    CaseView read(Caller caller, @PathVariable String caseNumber) {
        CaseFile file = readable(caller, caseNumber);
        Optional<Application> application = cases.application(file.caseNumber());
        return new CaseView(
                file.caseNumber(),
                file.jurisdiction(),
                file.matterCode(),
                file.catalogueVersion(),
                file.channel().name(),
                file.status().name(),
                file.outcome(),
                file.applicant().name(),
                at(file.acceptedAt()),
                clocks.approvalDue(file.caseNumber(), file.jurisdiction(), clock.instant())
                        .map(d -> at(d.at()))
                        .orElse(at(file.dueAt())),
                at(file.wholeProcessDueAt()),
                file.calendarKnown(),
                !clocks.openPauses(file.caseNumber()).isEmpty(),
                cases.owed(file.caseNumber()),
                at(file.supplementDueAt()),
                file.department(),
                file.results(),
                file.causedBy(),
                file.links(),
                clockViews(file),
                at(file.deliveredAt()),
                file.rating(),
                file.steps().stream()
                        .map(s -> new StepView(s.step(), s.status(), at(s.startedAt()), at(s.completedAt())))
                        .toList(),
                application.map(Application::materials).orElse(List.of()),
                application.map(Application::data).orElse(Map.of()),
                caller.isStaff()
                        ? notices.of(file.caseNumber()).stream()
                                .map(n -> new NoticeView(
                                        n.kind().name(),
                                        n.fromCase(),
                                        n.escalated(),
                                        at(n.respondBy()),
                                        at(n.receivedAt())))
                                .toList()
                        : List.of());
    }

    private List<ClockView> clockViews(CaseFile file) {
        Instant now = clock.instant();
        return clocks.of(file.caseNumber()).stream()
                .map(s -> {
                    CaseClock c = s.clock();
                    var statutory = clocks.statutoryClock(file.jurisdiction(), c);
                    return new ClockView(
                            s.name(),
                            c.effectiveLimit().amount().toPlainString() + " "
                                    + c.effectiveLimit().unit(),
                            at(c.startedAt()),
                            at(c.due(statutory, now).at()),
                            c.stoppedAt() == null,
                            c.openPause().map(p -> p.reason().name()).orElse(null),
                            c.stoppedAt() == null
                                    ? c.level(statutory, now).name()
                                    : s.reported().name(),
                            c.extensions());
                })
                .toList();
    }

    CaseFile readable(Caller caller, String caseNumber) {
        String number = CaseNumber.parse(caseNumber).toString();
        return cases.find(number)
                .filter(file -> access.canRead(caller, file.scope()))
                .orElseThrow(() -> Rejection.notFound(
                        "case.unknown",
                        "caseNumber",
                        "未找到办件 " + number + "，或您无权查看",
                        "no case " + number + " that you may see"));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
