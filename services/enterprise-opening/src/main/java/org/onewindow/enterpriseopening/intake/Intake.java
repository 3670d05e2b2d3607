package org.onewindow.enterpriseopening.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.enterpriseopening.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.enterpriseopening.casefile.model.CaseFile;
import org.onewindow.enterpriseopening.casefile.model.CaseStatus;
import org.onewindow.enterpriseopening.clock.ClockKeeper;
import org.onewindow.enterpriseopening.workflow.model.CaseWorkflow;
import org.onewindow.kernel.acceptance.model.AcceptanceDecision;
import org.onewindow.kernel.acceptance.model.AcceptanceRequest;
import org.onewindow.kernel.acceptance.model.AcceptanceRules;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.caseno.model.CaseNumber;
import org.onewindow.kernel.caseno.model.CaseNumbers;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.LocalizedText;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.idempotency.infrastructure.IdempotencyStore;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一窗受理 for enterprise opening: checks the application, asks the acceptance rules, and for an
 * accepted one stores the case, starts its process, audits and publishes case.accepted — all in
 * one transaction with the Idempotency-Key, so a receipt is never given for a case that is not
 * there, and a retry never makes a second case.
 */
@Service
public class Intake {

    private final EnterpriseOpeningProperties properties;

    private final CatalogueLookup catalogue;
    private final AcceptanceRules rules;
    private final PromisedDates dates;
    private final CaseNumbers numbers;
    private final JdbcCaseFiles cases;
    private final CaseWorkflow workflow;
    private final ClockKeeper clocks;
    private final CaseJournal journal;
    private final IdempotencyStore idempotency;
    private final IntakeAuthorisation authorisation;
    private final ObjectMapper json;
    private final Clock clock;

    Intake(
            CatalogueLookup catalogue,
            AcceptanceRules rules,
            PromisedDates dates,
            CaseNumbers numbers,
            JdbcCaseFiles cases,
            CaseWorkflow workflow,
            ClockKeeper clocks,
            CaseJournal journal,
            IdempotencyStore idempotency,
            IntakeAuthorisation authorisation,
            ObjectMapper json,
            Clock clock,
            EnterpriseOpeningProperties properties) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.dates = dates;
        this.numbers = numbers;
        this.cases = cases;
        this.workflow = workflow;
        this.clocks = clocks;
        this.journal = journal;
        this.idempotency = idempotency;
        this.authorisation = authorisation;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public IdempotencyStore.Answer apply(Caller caller, String idempotencyKey, byte[] body, Application application) {
        if (!IdempotencyStore.wellFormed(idempotencyKey)) {
            throw Rejection.invalid(FieldViolation.of(
                    "Idempotency-Key",
                    "idempotency-key.missing",
                    "请求头须带 Idempotency-Key（8–128 个字符，如 UUID），重试时用同一个",
                    "send an Idempotency-Key header (8-128 characters, e.g. a UUID) and reuse it on retry"));
        }
        Optional<IdempotencyStore.Answer> kept = idempotency.replay(caller.subject(), idempotencyKey, body);
        if (kept.isPresent()) {
            return kept.get();
        }
        List<FieldViolation> violations = application.violations();
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations.toArray(FieldViolation[]::new));
        }
        authorisation.check(caller, application);
        Instant now = clock.instant();
        ZoneId zone = dates.zone();
        CatalogueVersion version =
                catalogue.inForce(application.jurisdiction(), now.atZone(zone).toLocalDate());
        Matter matter = catalogue.matter(version, application.matterCode());
        if (matter.service() != OwningService.ENTERPRISE_OPENING) {
            throw Rejection.notFound(
                    "matter.not-here",
                    "matterCode",
                    "事项 " + matter.code() + " 由" + matter.service().id() + "办理，请经统一入口提交",
                    "matter " + matter.code() + " belongs to "
                            + matter.service().id() + "; submit it at the front door");
        }
        if (!workflow.deployed(matter.processKey())) {
            throw new Rejection(
                    Rejection.Kind.UNPROCESSABLE,
                    "matter.not-available",
                    new LocalizedText(
                            "事项 " + matter.code() + " 已列入事项目录，但本平台尚未开通办理，请到窗口咨询",
                            "matter " + matter.code() + " is catalogued but not yet handled on this platform"),
                    List.of());
        }
        AcceptanceDecision decision = rules.decide(new AcceptanceRequest(
                version.jurisdiction(),
                matter,
                now.atZone(zone).toLocalDate(),
                application.presented(),
                application.data()));
        Receipt receipt = decision.outcome().opensACase()
                ? open(caller, application, version, matter, decision, now)
                : notOpened(application, decision);
        IdempotencyStore.Answer answer = new IdempotencyStore.Answer(receipt.opensACase() ? 201 : 422, write(receipt));
        idempotency.remember(caller.subject(), idempotencyKey, body, answer);
        return answer;
    }

    private Receipt open(
            Caller caller,
            Application application,
            CatalogueVersion version,
            Matter matter,
            AcceptanceDecision decision,
            Instant acceptedAt) {
        CaseNumber number = numbers.issue(version.jurisdiction().code());
        Optional<DueDate> due = dates.approvalDue(version, matter, acceptedAt);
        Optional<DueDate> wholeDue = matter.wholeProcessLimit()
                .flatMap(MatterLimit::limit)
                .map(limit -> dates.due(version, limit, acceptedAt));
        Optional<DueDate> supplementDue = decision instanceof AcceptanceDecision.AcceptedWithDeficiency owed
                ? Optional.of(dates.due(version, owed.supplyWithin(), acceptedAt))
                : Optional.empty();
        boolean calendarKnown = due.map(DueDate::calendarKnown).orElse(true)
                && wholeDue.map(DueDate::calendarKnown).orElse(true);
        CaseFile file = new CaseFile(
                number.toString(),
                version.jurisdiction().code(),
                matter.code(),
                version.version(),
                application.channel(),
                CaseStatus.IN_PROGRESS,
                decision.outcome().name(),
                application.applicant().type().name(),
                application.applicant().name(),
                application.applicant().uscc(),
                application.channel().staffed() ? null : caller.subject(),
                caller.username(),
                acceptedAt,
                due.map(DueDate::at).orElse(null),
                wholeDue.map(DueDate::at).orElse(null),
                calendarKnown,
                supplementDue.map(DueDate::at).orElse(null),
                null,
                null,
                null,
                List.of());
        cases.insert(file, decision.outcome().name(), write(missing(decision)), write(application));
        clocks.startAll(file.caseNumber(), version, matter, acceptedAt);
        workflow.start(
                matter.processKey(), file.caseNumber(), variables(file, version, matter, application, acceptedAt));
        Map<String, Object> data = new HashMap<>();
        data.put("matterCode", matter.code());
        data.put("catalogueVersion", version.version());
        data.put("channel", application.channel().name());
        data.put("outcome", decision.outcome().name());
        data.put("acceptedAt", offset(acceptedAt));
        due.ifPresent(d -> {
            data.put("promisedDueAt", offset(d.at()));
            data.put("calendarKnown", d.calendarKnown());
        });
        journal.record(caller, "case.accept", file.caseNumber(), file.jurisdiction(), null, "case.accepted", data);
        return new Receipt(
                file.caseNumber(),
                file.jurisdiction(),
                matter.code(),
                decision.outcome(),
                offset(acceptedAt),
                due.map(d -> offset(d.at())).orElse(null),
                calendarKnown,
                missing(decision),
                supplementDue.map(d -> offset(d.at())).orElse(null),
                null,
                matter.stepLimits().stream()
                        .filter(l -> l.limit().isPresent()
                                && !properties.waitingSteps().contains(l.step()))
                        .map(l -> new Receipt.StepPromise(
                                l.step(),
                                offset(dates.due(version, l.limit().get(), acceptedAt)
                                        .at())))
                        .toList());
    }

    private Receipt notOpened(Application application, AcceptanceDecision decision) {
        LocalizedText refusal = decision instanceof AcceptanceDecision.Refused refused ? refused.reason() : null;
        return new Receipt(
                null,
                application.jurisdiction(),
                application.matterCode(),
                decision.outcome(),
                null,
                null,
                null,
                missing(decision),
                null,
                refusal,
                List.of());
    }

    private Map<String, Object> variables(
            CaseFile file, CatalogueVersion version, Matter matter, Application application, Instant acceptedAt) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseNumber", file.caseNumber());
        vars.put("jurisdiction", file.jurisdiction());
        vars.put("matterCode", matter.code());
        vars.put("catalogueVersion", version.version());
        vars.put("smartApproval", SmartApproval.applies(version, application));
        vars.put("reviewDepartment", properties.reviewDepartmentOf(matter.code()));
        vars.put("deliveryDepartment", Departments.SERVICE_CENTRE);
        vars.put("registrationRetryCycle", properties.registrationRetryCycle());
        vars.put("reformPath", ReformPath.of(application).name());
        // waiting periods (简易注销's 公告) end where the kernel clock says, as the model's timer dates
        for (MatterLimit step : matter.stepLimits()) {
            if (properties.waitingSteps().contains(step.step()) && step.limit().isPresent()) {
                Instant ends =
                        dates.due(version, step.limit().get(), acceptedAt).at();
                vars.put(camel(step.step()) + "EndsAt", Date.from(ends));
            }
        }
        return vars;
    }

    /** public-notice → publicNotice, for the model's variable names. */
    static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static List<Receipt.MissingMaterial> missing(AcceptanceDecision decision) {
        return decision.deficiencies().stream()
                .map(d -> new Receipt.MissingMaterial(
                        d.code(), d.name(), d.core(), d.reason().text()))
                .toList();
    }

    private OffsetDateTime offset(Instant at) {
        return at.atZone(dates.zone()).toOffsetDateTime();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
