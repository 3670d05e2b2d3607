package org.onewindow.runtime.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.onewindow.kernel.acceptance.model.AcceptanceRules;
import org.onewindow.kernel.application.model.Channel;
import org.onewindow.kernel.caseno.model.CaseNumbers;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.clock.model.HolidayCalendar;
import org.onewindow.kernel.clock.model.LiveCalendar;
import org.onewindow.kernel.clock.model.PauseReason;
import org.onewindow.kernel.clock.model.TimeLimit;
import org.onewindow.kernel.events.CaseEventFactory;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.runtime.calendar.CalendarRecomputation;
import org.onewindow.runtime.casefile.CaseActions;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseStatus;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.clock.SlaMonitor;
import org.onewindow.runtime.extension.CaseOpenedListener;
import org.onewindow.runtime.extension.ImmediateCompletion;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.runtime.intake.Intake;
import org.onewindow.runtime.intake.IntakeSettings;
import org.onewindow.runtime.task.TaskWork;

/**
 * The runtime's use cases wired as {@code CaseRuntimeAutoConfiguration} wires them, over in-memory
 * ports, the shipped catalogue, the State Council calendar and a clock the test moves, in Beijing
 * time. It starts on {@link #MONDAY_MORNING}, a working day of a year whose holidays are known.
 */
public final class RuntimeFixture {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Monday 2 March 2026, 09:00: the start of an office day in a known calendar year. */
    public static final String MONDAY_MORNING = "2026-03-02T09:00";

    /** The catalogue the workflow-models module ships, read from its sources. */
    private static final Path SHIPPED_CATALOGUE = Path.of("../../workflow-models/src/main/resources/catalogue");

    private static Catalogue shipped;
    private static HolidayCalendar stateCouncil;

    public final MutableClock clock;
    public final InMemoryCaseFiles cases;
    public final InMemoryClockStore clockStore;
    public final RecordingWorkflow workflow;
    public final InMemoryAuditTrail audit;
    public final RecordingPublisher events;
    public final Catalogue catalogue;
    public final CatalogueLookup lookup;
    /** The holiday calendar in force; a test loads next year's notice into it. */
    public final LiveCalendar calendar;

    public final PromisedDates dates;
    public final AccessPolicy access = new AccessPolicy();
    public final CaseJournal journal;
    public final CaseNumbers numbers;
    public final IntakeSettings settings;
    public final ClockKeeper clocks;
    public final SlaMonitor sla;
    public final CalendarRecomputation recomputation;
    public final Intake intake;
    public final CaseActions actions;
    public final TaskWork tasks;

    private RuntimeFixture(Builder b) {
        clock = MutableClock.at(b.startingAt, SHANGHAI);
        cases = new InMemoryCaseFiles();
        clockStore = new InMemoryClockStore(cases::find);
        workflow = new RecordingWorkflow(clock).deploy(b.deployed.toArray(String[]::new));
        audit = new InMemoryAuditTrail();
        events = new RecordingPublisher();
        catalogue = b.catalogue;
        lookup = new CatalogueLookup(catalogue);
        calendar = new LiveCalendar(stateCouncilCalendar());
        dates = new PromisedDates(catalogue, calendar, SHANGHAI);
        journal = new CaseJournal(audit, events, new CaseEventFactory(b.service.id(), clock, UUID::randomUUID), clock);
        numbers = new CaseNumbers(b.service, new InMemoryCaseNumberSequence(), clock);
        settings = new IntakeSettings(
                b.service, b.reviewDepartments, b.defaultDepartment, b.deliveryDepartment, b.waitingSteps, "R20/PT30S");
        clocks = new ClockKeeper(clockStore, dates, b.waitingSteps, b.stageSteps);
        sla = new SlaMonitor(clockStore, clocks, journal, clock);
        recomputation = new CalendarRecomputation(cases, clockStore, clocks, dates, journal, clock);
        intake = new Intake(
                lookup,
                AcceptanceRules.standard(),
                dates,
                numbers,
                cases,
                workflow,
                clocks,
                journal,
                b.extensions,
                b.openedListeners,
                b.immediate,
                settings,
                clock);
        actions = new CaseActions(cases, workflow, journal, clocks, access, clock);
        tasks = new TaskWork(workflow, cases, journal, clocks, access, clock, java.util.Map.of(), java.util.Set.of());
    }

    /** enterprise-opening with its usual settings: EO-1 reviewed by market-registration. */
    public static RuntimeFixture enterpriseOpening() {
        return forService(OwningService.ENTERPRISE_OPENING).build();
    }

    /**
     * A service with settings like its application.yml: review departments, the delivery window, the
     * 公告 as a waiting step, and the processes of its modelled matters deployed.
     */
    public static Builder forService(OwningService service) {
        Builder b = new Builder(service);
        switch (service) {
            case ENTERPRISE_OPENING ->
                b.reviewDepartment("EO-1", "market-registration")
                        .defaultDepartment("registration-office")
                        .deploy("enterprise-opening-bundle", "seal-engraving", "simple-deregistration");
            case PROPERTY_REGISTRATION -> b.defaultDepartment("registration-centre");
            case UTILITY_HOOKUP ->
                b.defaultDepartment("customer-service").deploy("utility-account-transfer", "water-external-works");
            case CONSTRUCTION_PERMIT -> b.defaultDepartment("planning").deploy("permit-review");
            default -> b.defaultDepartment("back-office");
        }
        return b;
    }

    public static final class Builder {
        private final OwningService service;
        private final Map<String, String> reviewDepartments = new HashMap<>();
        private String defaultDepartment = "back-office";
        private String deliveryDepartment = "window";
        private Set<String> waitingSteps = Set.of("public-notice");
        private Set<String> stageSteps = Set.of();
        private final List<String> deployed = new ArrayList<>();
        private final List<MatterVariables> extensions = new ArrayList<>();
        private final List<CaseOpenedListener> openedListeners = new ArrayList<>();
        private Optional<ImmediateCompletion> immediate = Optional.empty();
        private Catalogue catalogue = shippedCatalogue();
        private String startingAt = MONDAY_MORNING;

        private Builder(OwningService service) {
            this.service = service;
        }

        public Builder reviewDepartment(String matterCode, String department) {
            reviewDepartments.put(matterCode, department);
            return this;
        }

        public Builder defaultDepartment(String department) {
            defaultDepartment = department;
            return this;
        }

        public Builder waitingSteps(String... steps) {
            waitingSteps = Set.of(steps);
            return this;
        }

        public Builder stageSteps(String... steps) {
            stageSteps = Set.of(steps);
            return this;
        }

        public Builder deploy(String... processKeys) {
            deployed.addAll(List.of(processKeys));
            return this;
        }

        public Builder with(MatterVariables extension) {
            extensions.add(extension);
            return this;
        }

        public Builder with(CaseOpenedListener listener) {
            openedListeners.add(listener);
            return this;
        }

        public Builder with(ImmediateCompletion completion) {
            immediate = Optional.of(completion);
            return this;
        }

        public Builder catalogue(Catalogue other) {
            catalogue = other;
            return this;
        }

        public Builder startingAt(String localDateTime) {
            startingAt = localDateTime;
            return this;
        }

        public RuntimeFixture build() {
            return new RuntimeFixture(this);
        }
    }

    // the shipped data, read once per test JVM

    public static synchronized Catalogue shippedCatalogue() {
        if (shipped == null) {
            shipped = new CatalogueLoader()
                    .load(SHIPPED_CATALOGUE.toAbsolutePath().normalize().toUri().toString());
        }
        return shipped;
    }

    /** The kernel's calendar resource, as KernelAutoConfiguration reads it. */
    public static synchronized HolidayCalendar stateCouncilCalendar() {
        if (stateCouncil == null) {
            try (InputStream in =
                    HolidayCalendar.class.getResourceAsStream("/org/onewindow/kernel/clock/cn-holidays.csv")) {
                stateCouncil = HolidayCalendar.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stateCouncil;
    }

    /** The shipped catalogue with one matter of one jurisdiction changed (every version of it). */
    public static Catalogue catalogueWith(String jurisdiction, String matterCode, UnaryOperator<Matter> change) {
        Catalogue base = shippedCatalogue();
        List<CatalogueVersion> versions = new ArrayList<>();
        for (String code : base.jurisdictions()) {
            for (CatalogueVersion v : base.versions(code)) {
                if (!code.equals(jurisdiction)) {
                    versions.add(v);
                    continue;
                }
                Map<String, Matter> matters = new LinkedHashMap<>(v.matters());
                matters.computeIfPresent(matterCode, (k, m) -> change.apply(m));
                versions.add(new CatalogueVersion(v.jurisdiction(), matters));
            }
        }
        return new Catalogue(versions);
    }

    /**
     * The shipped catalogue with the approval limit of one matter changed, e.g. {@code
     * catalogueWithApprovalLimit("FC", "EO-1", l -> extendableTo(l, TimeLimit.workingDays(1)))}.
     */
    public static Catalogue catalogueWithApprovalLimit(
            String jurisdiction, String matterCode, UnaryOperator<MatterLimit> change) {
        return catalogueWith(
                jurisdiction,
                matterCode,
                m -> new Matter(
                        m.code(),
                        m.name(),
                        m.service(),
                        m.processKey(),
                        m.stage(),
                        m.effectiveFrom(),
                        m.source(),
                        m.summary(),
                        m.limits().stream()
                                .map(l -> l.clock() == ClockKind.APPROVAL ? change.apply(l) : l)
                                .toList(),
                        m.materials(),
                        m.conditions(),
                        m.inputs(),
                        m.fees(),
                        m.components(),
                        m.deliveryChannels(),
                        m.coordinated(),
                        m.openedByPlatform(),
                        m.decisions()));
    }

    /** The limit, extendable (延期) up to a ceiling. */
    public static MatterLimit extendableTo(MatterLimit l, TimeLimit ceiling) {
        return new MatterLimit(
                l.clock(),
                l.step(),
                l.basis(),
                l.limit(),
                l.pausesFor(),
                Optional.of(ceiling),
                l.source(),
                l.decision());
    }

    /** The limit, paused also for the given reasons. */
    public static MatterLimit pausingFor(MatterLimit l, PauseReason... reasons) {
        Set<PauseReason> pauses = EnumSet.noneOf(PauseReason.class);
        pauses.addAll(l.pausesFor());
        pauses.addAll(List.of(reasons));
        return new MatterLimit(
                l.clock(), l.step(), l.basis(), l.limit(), pauses, l.extendableTo(), l.source(), l.decision());
    }

    // helpers of the tests

    public CatalogueVersion version(String jurisdiction) {
        return lookup.inForce(jurisdiction, LocalDate.ofInstant(clock.instant(), SHANGHAI));
    }

    public Matter matter(String jurisdiction, String matterCode) {
        return lookup.matter(version(jurisdiction), matterCode);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The stored case. */
    public CaseFile caseFile(String caseNumber) {
        return cases.get(caseNumber);
    }

    /**
     * Stores a bare case of a matter, accepted now, without clocks, process or events: for tests of
     * what happens to a case after its acceptance.
     */
    public String fileCase(String jurisdiction, String matterCode) {
        String caseNumber = numbers.issue(jurisdiction).toString();
        CaseFile file = new CaseFile(
                caseNumber,
                jurisdiction,
                matterCode,
                version(jurisdiction).version(),
                Channel.WINDOW,
                CaseStatus.IN_PROGRESS,
                "ACCEPTED",
                new CaseFile.Party("PERSON", "张三", null),
                null,
                "clerk",
                settings.departmentOf(matterCode),
                now(),
                null,
                null,
                true,
                null,
                null,
                null,
                Map.of(),
                null,
                List.of(),
                List.of());
        cases.insert(file, List.of(), Applications.application(jurisdiction, matterCode, Channel.WINDOW));
        return caseNumber;
    }

    /**
     * 办结 as the model's CaseDecision step does it: the case moves to APPROVED and its approval and
     * step clocks stop (the whole-process clock runs on until delivery).
     */
    public CaseFile approve(String caseNumber) {
        CaseFile file = caseFile(caseNumber);
        if (!cases.transition(file, file.approve())) {
            throw new IllegalStateException("case " + caseNumber + " moved meanwhile");
        }
        clocks.stop(caseNumber, EnumSet.of(ClockKind.APPROVAL, ClockKind.STEP), now());
        return caseFile(caseNumber);
    }

    /** 办结 and 出件, as the model does for a case whose result the window hands over. */
    public CaseFile approveAndDeliver(String caseNumber) {
        CaseFile approved = approve(caseNumber);
        if (!cases.transition(approved, approved.deliver(now()))) {
            throw new IllegalStateException("case " + caseNumber + " moved meanwhile");
        }
        clocks.stop(caseNumber, EnumSet.allOf(ClockKind.class), now());
        return caseFile(caseNumber);
    }
}
