package org.onewindow.runtime.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.kernel.acceptance.model.AcceptanceDecision;
import org.onewindow.kernel.acceptance.model.AcceptanceRequest;
import org.onewindow.kernel.acceptance.model.AcceptanceRules;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.JointApplication;
import org.onewindow.kernel.application.model.JointReceipt;
import org.onewindow.kernel.application.model.Receipt;
import org.onewindow.kernel.caseno.model.CaseNumbers;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Material;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.Promise;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.DueDate;
import org.onewindow.kernel.clock.model.LimitUnit;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.text.LocalizedText;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseLink;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.extension.CaseOpenedListener;
import org.onewindow.runtime.extension.ImmediateCompletion;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.runtime.workflow.model.CaseWorkflow;

/**
 * 一窗受理 for every matter the catalogue gives this service: checks the application, asks the
 * acceptance rules, and for an accepted one stores the case, starts its clocks and process, audits
 * and publishes case.accepted. Call it inside one transaction (with the Idempotency-Key), so a
 * receipt is never given for a case that is not there.
 */
public class Intake {

    private final CatalogueLookup catalogue;
    private final AcceptanceRules rules;
    private final PromisedDates dates;
    private final CaseNumbers numbers;
    private final CaseFiles cases;
    private final CaseWorkflow workflow;
    private final ClockKeeper clocks;
    private final CaseJournal journal;
    private final IntakeAuthorisation authorisation;
    private final List<MatterVariables> extensions;
    private final List<CaseOpenedListener> openedListeners;
    private final Optional<ImmediateCompletion> immediate;
    private final IntakeSettings settings;
    private final Clock clock;

    public Intake(
            CatalogueLookup catalogue,
            AcceptanceRules rules,
            PromisedDates dates,
            CaseNumbers numbers,
            CaseFiles cases,
            CaseWorkflow workflow,
            ClockKeeper clocks,
            CaseJournal journal,
            List<MatterVariables> extensions,
            List<CaseOpenedListener> openedListeners,
            Optional<ImmediateCompletion> immediate,
            IntakeSettings settings,
            Clock clock) {
        this.catalogue = catalogue;
        this.rules = rules;
        this.dates = dates;
        this.numbers = numbers;
        this.cases = cases;
        this.workflow = workflow;
        this.clocks = clocks;
        this.journal = journal;
        this.authorisation = new IntakeAuthorisation();
        this.extensions = List.copyOf(extensions);
        this.openedListeners = List.copyOf(openedListeners);
        this.immediate = immediate;
        this.settings = settings;
        this.clock = clock;
    }

    /** An application by a person: the applicant online or a clerk at a window. */
    public Receipt apply(Caller caller, Application application) {
        requireWellFormed(application);
        authorisation.check(caller, application);
        return accept(Submitter.of(caller), application, null, null);
    }

    /**
     * 联合申报: several matters of this service in one application, their shared materials handed in
     * once. Each matter is assessed first (its project, its stage, its materials); only when every one
     * can be accepted are the cases opened, together, in the caller's transaction. Otherwise nothing
     * is stored and the answer is one consolidated list for all of them (统一补正).
     */
    public JointReceipt applyJointly(Caller caller, JointApplication joint) {
        List<FieldViolation> violations = new ArrayList<>(joint.violations());
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations.toArray(FieldViolation[]::new));
        }
        Instant now = clock.instant();
        CatalogueVersion version =
                catalogue.inForce(joint.jurisdiction(), now.atZone(dates.zone()).toLocalDate());
        List<Application> applications = new ArrayList<>();
        Set<String> listedByAny = new HashSet<>();
        for (String code : joint.matterCodes()) {
            Matter matter = catalogue.matter(version, code);
            requireHandledHere(matter);
            Set<String> listed = matter.materials().stream().map(Material::code).collect(Collectors.toSet());
            listedByAny.addAll(listed);
            applications.add(joint.forMatter(code, listed));
        }
        requireEveryMaterialListed(joint, listedByAny);
        List<Receipt> assessments = new ArrayList<>();
        for (Application application : applications) {
            authorisation.check(caller, application);
            assessments.add(assess(version, application, now));
        }
        if (!assessments.stream().allMatch(r -> r.outcome().opensACase())) {
            return JointReceipt.notAccepted(joint.jurisdiction(), assessments);
        }
        return JointReceipt.accepted(
                joint.jurisdiction(),
                applications.stream()
                        .map(a -> accept(Submitter.of(caller), a, null, null))
                        .toList());
    }

    /** A material no chosen matter asks for is a mistake the clerk should see, not silently dropped. */
    private static void requireEveryMaterialListed(JointApplication joint, Set<String> listed) {
        List<FieldViolation> stray = new ArrayList<>();
        for (int i = 0; i < joint.materials().size(); i++) {
            Application.Material m = joint.materials().get(i);
            if (m != null && m.code() != null && !listed.contains(m.code())) {
                stray.add(FieldViolation.of(
                        "materials[" + i + "].code",
                        "material.not-listed",
                        "所选事项均不需要材料 " + m.code() + "，请核对",
                        "none of the matters asks for " + m.code()));
            }
        }
        if (!stray.isEmpty()) {
            throw Rejection.invalid(stray.toArray(FieldViolation[]::new));
        }
    }

    /** What the intake would answer for one matter, with nothing stored. */
    private Receipt assess(CatalogueVersion version, Application submitted, Instant now) {
        Application application = withKnownData(submitted);
        Matter matter = catalogue.matter(version, application.matterCode());
        for (MatterVariables extension : extensions) {
            extension.variables(version, matter, application);
        }
        AcceptanceDecision decision = decide(version, matter, application, now);
        return notOpened(application, decision, matter.notRequiredFor(application.data()));
    }

    /** The application with what the services already know added where it is silent. */
    private Application withKnownData(Application submitted) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Application.Material> materials = new ArrayList<>(submitted.materials());
        Set<String> given =
                submitted.materials().stream().map(Application.Material::code).collect(Collectors.toSet());
        for (MatterVariables extension : extensions) {
            data.putAll(extension.knownData(submitted));
            extension.sharedMaterials(submitted).stream()
                    .filter(m -> given.add(m.code()))
                    .forEach(materials::add);
        }
        if (data.isEmpty() && materials.size() == submitted.materials().size()) {
            return submitted;
        }
        data.putAll(submitted.data());
        return new Application(
                submitted.jurisdiction(),
                submitted.matterCode(),
                submitted.channel(),
                submitted.applicant(),
                materials,
                data);
    }

    private AcceptanceDecision decide(CatalogueVersion version, Matter matter, Application application, Instant now) {
        return rules.decide(new AcceptanceRequest(
                version.jurisdiction(),
                matter,
                now.atZone(dates.zone()).toLocalDate(),
                application.presented(),
                application.data()));
    }

    /**
     * 联合报装: opens a component case of the joint case {@code jointCase}, linked as PART_OF it, by
     * the system. The joint case's number is its {@code caused_by}, so each matter opens once per
     * joint case however often the step that asks runs.
     */
    public Receipt openComponent(String jointCase, Application application) {
        requireWellFormed(application);
        return accept(
                Submitter.system(jointCase), application, jointCase, new CaseLink(jointCase, CaseLink.Kind.PART_OF));
    }

    /**
     * A case no person applied for, opened by another service's event (the utility 过户 after a
     * transfer registration): the causing event's id is kept on the case, and the same event never
     * opens the same matter twice. {@code partOf} links it to a case it belongs to, if any.
     */
    public Receipt openFor(CaseEvent cause, Application application, CaseLink partOf) {
        requireWellFormed(application);
        return accept(Submitter.system(cause.id()), application, cause.id(), partOf);
    }

    /**
     * A case the platform opens on its own, no person or event of another service asking (a 督办
     * when the board sees a limit broken): {@code cause} is kept on the case as its {@code caused_by},
     * so the same cause never opens the same matter twice.
     */
    public Receipt openOnItsOwn(String cause, Application application) {
        requireWellFormed(application);
        return accept(Submitter.system(cause), application, cause, null);
    }

    private Receipt accept(Submitter submitter, Application submitted, String causedBy, CaseLink link) {
        Application application = withKnownData(submitted);
        Instant now = clock.instant();
        CatalogueVersion version = catalogue.inForce(
                application.jurisdiction(), now.atZone(dates.zone()).toLocalDate());
        Matter matter = catalogue.matter(version, application.matterCode());
        if (matter.openedByPlatform() && !submitter.system()) {
            throw Rejection.invalid(FieldViolation.of(
                    "matterCode",
                    "matter.opened-by-platform",
                    matter.code() + " " + matter.name().zh() + "由平台自动立案，不受理申请",
                    matter.code() + " is opened by the platform itself; it is not applied for"));
        }
        boolean atWindow = requireHandledHere(matter);
        Map<String, Object> domainVariables = new LinkedHashMap<>();
        for (MatterVariables extension : extensions) {
            domainVariables.putAll(extension.variables(version, matter, application));
        }
        AcceptanceDecision decision = decide(version, matter, application, now);
        if (!decision.outcome().opensACase()) {
            return notOpened(application, decision, matter.notRequiredFor(application.data()));
        }
        return open(submitter, application, version, matter, decision, now, domainVariables, causedBy, link, atWindow);
    }

    private void requireWellFormed(Application application) {
        List<FieldViolation> violations = application.violations();
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations.toArray(FieldViolation[]::new));
        }
    }

    /** Refuses a matter of another service, or one with no model yet; true if it is decided at the window. */
    private boolean requireHandledHere(Matter matter) {
        if (matter.service() != settings.service()) {
            throw Rejection.notFound(
                    "matter.not-here",
                    "matterCode",
                    "事项 " + matter.code() + " 由" + matter.service().id() + "办理，请经统一入口提交",
                    "matter " + matter.code() + " belongs to "
                            + matter.service().id() + "; submit it at the front door");
        }
        boolean atWindow = decidedAtWindow(matter);
        if (!atWindow && !workflow.deployed(matter.processKey())) {
            throw new Rejection(
                    Rejection.Kind.UNPROCESSABLE,
                    "matter.not-available",
                    new LocalizedText(
                            "事项 " + matter.code() + " 已列入事项目录，但本平台尚未开通办理，请到窗口咨询",
                            "matter " + matter.code() + " is catalogued but not yet handled on this platform"),
                    List.of());
        }
        return atWindow;
    }

    private boolean decidedAtWindow(Matter matter) {
        boolean immediateLimit = matter.approvalLimit()
                .flatMap(MatterLimit::limit)
                .map(l -> l.unit() == LimitUnit.IMMEDIATE)
                .orElse(false);
        return immediateLimit && immediate.map(i -> i.decidesAtWindow(matter)).orElse(false);
    }

    private Receipt open(
            Submitter submitter,
            Application application,
            CatalogueVersion version,
            Matter matter,
            AcceptanceDecision decision,
            Instant acceptedAt,
            Map<String, Object> domainVariables,
            String causedBy,
            CaseLink link,
            boolean atWindow) {
        String caseNumber = numbers.issue(version.jurisdiction().code()).toString();
        Promise promise = dates.promise(version, matter, acceptedAt);
        Optional<DueDate> supplementDue = decision instanceof AcceptanceDecision.AcceptedWithDeficiency owed
                ? Optional.of(dates.due(version, owed.supplyWithin(), acceptedAt))
                : Optional.empty();
        CaseFile file = new CaseFile(
                caseNumber,
                version.jurisdiction().code(),
                matter.code(),
                version.version(),
                application.channel(),
                CaseStatus.IN_PROGRESS,
                decision.outcome().name(),
                new CaseFile.Party(
                        application.applicant().type().name(),
                        application.applicant().name(),
                        application.applicant().uscc()),
                submitter.applicantSubject(application),
                submitter.name(),
                departmentOf(matter, application),
                acceptedAt,
                promise.approval().map(DueDate::at).orElse(null),
                promise.wholeProcess().map(DueDate::at).orElse(null),
                promise.calendarKnown(),
                supplementDue.map(DueDate::at).orElse(null),
                null,
                null,
                Map.of(),
                causedBy,
                List.of(),
                List.of());
        if (atWindow) {
            file = file.withResults(immediate.orElseThrow().decide(caseNumber, matter, application))
                    .completeImmediately(acceptedAt);
        }
        List<Receipt.MissingMaterial> owed = missing(decision);
        cases.insert(file, owed, application);
        if (link != null) {
            cases.link(caseNumber, link);
        }
        for (CaseOpenedListener listener : openedListeners) {
            listener.opened(file, matter, application);
        }
        Map<String, Object> accepted = acceptedEvent(file, submitter, application, promise, supplementDue);
        submitter.record(journal, "case.accept", file, "case.accepted", accepted);
        if (atWindow) {
            clocks.startStopped(caseNumber, version, matter, acceptedAt);
            submitter.record(journal, "case.decide", file, "case.decided", Map.of("decision", "APPROVED"));
            submitter.record(journal, "case.deliver", file, "case.delivered", Map.of("channel", "WINDOW"));
        } else {
            clocks.startAll(caseNumber, version, matter, acceptedAt);
            workflow.start(
                    matter.processKey(),
                    caseNumber,
                    variables(file, version, matter, acceptedAt, domainVariables, owed));
        }
        return receipt(file, decision, promise, supplementDue, matter.notRequiredFor(application.data()));
    }

    /** case.accepted carries what a reader of events alone needs for a case index and "my cases". */
    private Map<String, Object> acceptedEvent(
            CaseFile file,
            Submitter submitter,
            Application application,
            Promise promise,
            Optional<DueDate> supplementDue) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", settings.service().id());
        data.put("matterCode", file.matterCode());
        data.put("catalogueVersion", file.catalogueVersion());
        data.put("department", file.department());
        data.put("channel", file.channel().name());
        data.put("outcome", file.outcome());
        data.put("applicant", applicantIdentity(file, application));
        data.put("acceptedAt", offset(file.acceptedAt()));
        promise.approval().ifPresent(d -> data.put("promisedDueAt", offset(d.at())));
        promise.wholeProcess().ifPresent(d -> data.put("wholeProcessDueAt", offset(d.at())));
        supplementDue.ifPresent(d -> data.put("supplementDueAt", offset(d.at())));
        data.put("calendarKnown", promise.calendarKnown());
        data.put(
                "stepPromises",
                promise.steps().stream()
                        .map(s ->
                                Map.of("step", s.step(), "dueAt", offset(s.due().at())))
                        .toList());
        if (file.causedBy() != null) {
            data.put("causedBy", file.causedBy());
        }
        if (submitter.system()) {
            data.put("openedBy", "event");
        }
        return data;
    }

    /**
     * Who applied, with no more personal data than a reader needs: the credit code of an enterprise,
     * the login subject of an online applicant, otherwise a one-way hash of the identity number.
     */
    private static Map<String, Object> applicantIdentity(CaseFile file, Application application) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("type", file.applicant().type());
        if (file.applicant().uscc() != null) {
            who.put("uscc", file.applicant().uscc());
        }
        if (file.applicantSubject() != null) {
            who.put("subject", file.applicantSubject());
        }
        if (file.applicant().uscc() == null && application.applicant().idNumber() != null) {
            who.put("idHash", sha256(application.applicant().idNumber()));
        }
        return who;
    }

    private Map<String, Object> variables(
            CaseFile file,
            CatalogueVersion version,
            Matter matter,
            Instant acceptedAt,
            Map<String, Object> domainVariables,
            List<Receipt.MissingMaterial> owed) {
        Map<String, Object> vars = new LinkedHashMap<>(domainVariables);
        // 容缺: a model may wait for the owed materials (CaseActions delivers materials-complete).
        // Which ones are owed is the case file's (owed_material), not a process variable: as one it
        // was a Java-serialised list, two byte-array rows and two variable rows per start that no
        // model read.
        vars.put("materialsComplete", owed.isEmpty());
        vars.put("caseNumber", file.caseNumber());
        vars.put("jurisdiction", file.jurisdiction());
        vars.put("matterCode", matter.code());
        vars.put("catalogueVersion", version.version());
        vars.put("reviewDepartment", file.department());
        vars.put("deliveryDepartment", settings.deliveryDepartment());
        vars.put("registrationRetryCycle", settings.retryCycle());
        // waiting periods (公告) end where the kernel clock says, as the model's timer dates
        for (MatterLimit step : matter.stepLimits()) {
            if (settings.waitingSteps().contains(step.step()) && step.stated()) {
                Instant ends = dates.due(version, step.limit().orElseThrow(), acceptedAt)
                        .at();
                vars.put(camel(step.step()) + "EndsAt", Date.from(ends));
            }
        }
        return vars;
    }

    private String departmentOf(Matter matter, Application application) {
        return extensions.stream()
                .map(e -> e.department(matter, application))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> settings.departmentOf(matter.code()));
    }

    private Receipt receipt(
            CaseFile file,
            AcceptanceDecision decision,
            Promise promise,
            Optional<DueDate> supplementDue,
            List<LocalizedText> notices) {
        return new Receipt(
                file.caseNumber(),
                file.jurisdiction(),
                file.matterCode(),
                decision.outcome(),
                offset(file.acceptedAt()),
                promise.approval().map(d -> offset(d.at())).orElse(null),
                promise.calendarKnown(),
                missing(decision),
                supplementDue.map(d -> offset(d.at())).orElse(null),
                null,
                promise.steps().stream()
                        .map(s ->
                                new Receipt.StepPromise(s.step(), offset(s.due().at())))
                        .toList(),
                promise.wholeProcess().map(d -> offset(d.at())).orElse(null),
                file.results(),
                notices);
    }

    private Receipt notOpened(Application application, AcceptanceDecision decision, List<LocalizedText> notices) {
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
                List.of(),
                null,
                Map.of(),
                notices);
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

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who submits: a person (with their login) or the platform on another service's event. */
    private record Submitter(Caller caller, String eventId) {
        static Submitter of(Caller caller) {
            return new Submitter(caller, null);
        }

        static Submitter system(String eventId) {
            return new Submitter(null, eventId);
        }

        boolean system() {
            return caller == null;
        }

        String name() {
            return system() ? CaseJournal.SYSTEM : caller.username();
        }

        /** The online applicant's login; a window, a bank branch or an event has none. */
        String applicantSubject(Application application) {
            return system() || application.channel().staffed() ? null : caller.subject();
        }

        void record(CaseJournal journal, String action, CaseFile file, String type, Map<String, Object> data) {
            if (system()) {
                journal.recordBySystem(action, file.caseNumber(), file.jurisdiction(), type, data);
            } else {
                journal.record(caller, action, file.caseNumber(), file.jurisdiction(), null, type, data);
            }
        }
    }
}
