package org.onewindow.gateway.guide;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.onewindow.gateway.calendar.IsoInstant;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Condition;
import org.onewindow.kernel.catalogue.model.LimitBasis;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.MatterSelection;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.catalogue.model.Promise;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 办事指南: the public catalogue of a jurisdiction, and when a matter accepted now would be due. */
@RestController
@RequestMapping("/api/v1/catalogue")
class GuideController {

    private final CatalogueLookup jurisdictions;
    private final PromisedDates promisedDates;
    private final Clock clock;

    GuideController(CatalogueLookup jurisdictions, PromisedDates promisedDates, Clock clock) {
        this.jurisdictions = jurisdictions;
        this.promisedDates = promisedDates;
        this.clock = clock;
    }

    record Limit(TimeLimit limit, LimitBasis basis, String step, String source) {
        static Optional<Limit> of(MatterLimit l) {
            return l.limit().map(t -> new Limit(t, l.basis(), l.step(), l.source()));
        }
    }

    record MatterSummary(
            String code,
            LocalizedText name,
            String service,
            LocalDate effectiveFrom,
            Limit approvalLimit,
            boolean approvalLimitStated,
            boolean openedByPlatform) {
        static MatterSummary of(Matter m) {
            Optional<MatterLimit> approval = m.approvalLimit();
            return new MatterSummary(
                    m.code(),
                    m.name(),
                    m.service().id(),
                    m.effectiveFrom(),
                    approval.flatMap(Limit::of).orElse(null),
                    approval.map(MatterLimit::stated).orElse(false),
                    m.openedByPlatform());
        }
    }

    record MatterList(
            String jurisdiction,
            LocalizedText name,
            String catalogueVersion,
            LocalDate effectiveFrom,
            int count,
            List<MatterSummary> matters) {}

    record MatterGuide(String jurisdiction, String catalogueVersion, @JsonUnwrapped Matter matter) {}

    record StepDue(String step, OffsetDateTime dueAt, boolean calendarKnown) {}

    record DueDateAnswer(
            String jurisdiction,
            String catalogueVersion,
            String matterCode,
            OffsetDateTime acceptedAt,
            boolean limitStated,
            Limit approvalLimit,
            OffsetDateTime dueAt,
            OffsetDateTime wholeProcessDueAt,
            List<StepDue> steps,
            boolean calendarKnown,
            SortedSet<Integer> unknownYears) {}

    @GetMapping("/{jurisdiction}/matters")
    MatterList matters(
            @PathVariable String jurisdiction,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String on) {
        CatalogueVersion version = jurisdictions.inForce(jurisdiction, day(on));
        Optional<OwningService> only = Optional.ofNullable(service).map(GuideController::service);
        List<MatterSummary> matters = version.list().stream()
                .filter(m -> only.map(s -> s == m.service()).orElse(true))
                .map(MatterSummary::of)
                .toList();
        return new MatterList(
                version.jurisdiction().code(),
                version.jurisdiction().name(),
                version.version(),
                version.jurisdiction().effectiveFrom(),
                matters.size(),
                matters);
    }

    /** One routing threshold as the applicant reads it, with what they gave for it. */
    record Threshold(String input, LocalizedText label, String condition, Object given) {
        static Threshold of(MatterSelection.Test t) {
            return new Threshold(
                    t.input(), t.condition().input().label(), t.condition().zh(), t.given());
        }

        static Threshold of(Condition c) {
            return new Threshold(c.input().key(), c.input().label(), c.zh(), null);
        }
    }

    record Candidate(
            String code,
            LocalizedText name,
            Limit approvalLimit,
            boolean approvalLimitStated,
            List<Threshold> met,
            List<Threshold> missing,
            List<Threshold> notMet) {
        static Candidate of(Matter m, List<Threshold> met, List<Threshold> missing, List<Threshold> notMet) {
            MatterSummary s = MatterSummary.of(m);
            return new Candidate(m.code(), m.name(), s.approvalLimit(), s.approvalLimitStated(), met, missing, notMet);
        }
    }

    /**
     * 事项引导: {@code recommended} is the one most specific fit (null when none fits or two fit
     * equally); {@code open} would fit once the missing inputs are given; {@code outOfRange}, only
     * when nothing fits, names the thresholds the closest matters miss; {@code answerZh} says it in
     * one sentence.
     */
    record Selection(
            String jurisdiction,
            String catalogueVersion,
            LocalDate on,
            Map<String, Object> inputs,
            String recommended,
            List<Candidate> fits,
            List<Candidate> open,
            List<Candidate> outOfRange,
            String answerZh) {}

    private static final Set<String> SELECTION_PARAMETERS = Set.of("service", "family", "on");

    /**
     * "Which matter do I need": the matters whose routing thresholds the inputs (query parameters
     * named as the catalogue's inputs: voltage, capacityKw, pipeLengthM, externalWorks …) meet, by
     * the same conditions the intake applies; narrowed to a service and a code family (UT-E).
     */
    @GetMapping("/{jurisdiction}/matter-selection")
    Selection selection(
            @PathVariable String jurisdiction,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String family,
            @RequestParam(required = false) String on,
            @RequestParam Map<String, String> parameters) {
        LocalDate day = day(on);
        CatalogueVersion version = jurisdictions.inForce(jurisdiction, day);
        Optional<OwningService> only = Optional.ofNullable(service).map(GuideController::service);
        Map<String, Object> inputs = SelectionInputs.parse(parameters, SELECTION_PARAMETERS);
        List<Matter> candidates = version.list().stream()
                .filter(m -> only.map(s -> s == m.service()).orElse(true))
                .filter(m -> family == null || m.code().startsWith(family))
                // nobody applies for a 督办 or 整改: the platform opens them
                .filter(m -> !m.openedByPlatform())
                .filter(m -> m.inForceOn(day))
                .toList();
        MatterSelection.Answer answer = MatterSelection.select(candidates, inputs);
        List<Candidate> fits = answer.fits().stream()
                .map(f -> Candidate.of(
                        f.matter(), f.met().stream().map(Threshold::of).toList(), List.of(), List.of()))
                .toList();
        List<Candidate> open = answer.open().stream()
                .map(o -> Candidate.of(
                        o.matter(),
                        List.of(),
                        o.missing().stream().map(Threshold::of).toList(),
                        List.of()))
                .toList();
        List<Candidate> outOfRange = answer.outOfRange().stream()
                .map(o -> Candidate.of(
                        o.matter(),
                        List.of(),
                        o.missing().stream().map(Threshold::of).toList(),
                        o.notMet().stream().map(Threshold::of).toList()))
                .toList();
        return new Selection(
                version.jurisdiction().code(),
                version.version(),
                day,
                inputs,
                answer.recommended().map(Matter::code).orElse(null),
                fits,
                open,
                outOfRange,
                answer.zh());
    }

    @GetMapping("/{jurisdiction}/matters/{code}")
    MatterGuide matter(
            @PathVariable String jurisdiction, @PathVariable String code, @RequestParam(required = false) String on) {
        CatalogueVersion version = jurisdictions.inForce(jurisdiction, day(on));
        return new MatterGuide(version.jurisdiction().code(), version.version(), jurisdictions.matter(version, code));
    }

    /** The approval clock with no pauses, as the 受理回执 would promise it; steps and whole process too. */
    @GetMapping("/{jurisdiction}/matters/{code}/due-date")
    DueDateAnswer dueDate(
            @PathVariable String jurisdiction,
            @PathVariable String code,
            @RequestParam(required = false) String acceptedAt) {
        ZoneId zone = promisedDates.zone();
        Instant accepted = acceptedAt == null ? clock.instant() : IsoInstant.parse(acceptedAt, "acceptedAt", zone);
        CatalogueVersion version =
                jurisdictions.inForce(jurisdiction, accepted.atZone(zone).toLocalDate());
        Matter matter = jurisdictions.matter(version, code);
        Promise promise = promisedDates.promise(version, matter, accepted);
        Optional<DueDate> approval = promise.approval();
        Optional<DueDate> whole = promise.wholeProcess();
        List<StepDue> steps = promise.steps().stream()
                .map(s -> new StepDue(
                        s.step(),
                        s.due().at().atZone(zone).toOffsetDateTime(),
                        s.due().calendarKnown()))
                .toList();
        SortedSet<Integer> unknown = promise.unknownYears();
        boolean known = promise.calendarKnown();
        return new DueDateAnswer(
                version.jurisdiction().code(),
                version.version(),
                matter.code(),
                accepted.atZone(zone).toOffsetDateTime(),
                approval.isPresent(),
                matter.approvalLimit().flatMap(Limit::of).orElse(null),
                approval.map(d -> d.at().atZone(zone).toOffsetDateTime()).orElse(null),
                whole.map(d -> d.at().atZone(zone).toOffsetDateTime()).orElse(null),
                steps,
                known,
                unknown);
    }

    private LocalDate day(String on) {
        if (on == null) {
            return LocalDate.now(clock.withZone(promisedDates.zone()));
        }
        try {
            return LocalDate.parse(on);
        } catch (java.time.format.DateTimeParseException e) {
            throw Rejection.invalid(FieldViolation.of(
                    "on",
                    "date.malformed",
                    "日期无效：" + on + "（示例 2026-11-22）",
                    "'" + on + "' is not a date like 2026-11-22"));
        }
    }

    private static OwningService service(String id) {
        return OwningService.byId(id)
                .or(() -> OwningService.byCode(id.toUpperCase()))
                .orElseThrow(() -> Rejection.invalid(FieldViolation.of(
                        "service",
                        "service.unknown",
                        "没有该业务：" + id,
                        "service '" + id + "' is not one of " + java.util.Arrays.toString(OwningService.values()))));
    }
}
