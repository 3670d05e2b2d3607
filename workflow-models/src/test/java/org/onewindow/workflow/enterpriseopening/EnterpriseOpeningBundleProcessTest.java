package org.onewindow.workflow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.catalogue.infrastructure.CatalogueLoader;
import org.onewindow.kernel.catalogue.model.Catalogue;
import org.onewindow.kernel.catalogue.model.Component;
import org.onewindow.workflow.TestEngines;

/**
 * The EO-1 企业开办 bundle model on a real PostgreSQL: the engine is the plain Camunda engine, the
 * delegates are recording mocks, and the asynchronous registration jobs are run by hand. The licence
 * comes first; the other components of the jurisdiction's catalogue follow in parallel.
 */
class EnterpriseOpeningBundleProcessTest {

    private static final String PROCESS_KEY = "enterprise-opening-bundle";
    private static final String BPMN = "bpmn/enterprise-opening/enterprise-opening-bundle.bpmn";

    private static final String BUSINESS_LICENCE = "business-licence";
    private static final List<String> FC_COMPONENTS = List.of(
            BUSINESS_LICENCE,
            "social-medical-insurance-registration",
            "housing-provident-fund-registration",
            "seal-engraving",
            "tax-registration");
    private static final List<String> LC_COMPONENTS =
            List.of(BUSINESS_LICENCE, "social-medical-insurance-registration", "seal-engraving", "tax-registration");

    private static final String CATALOGUE_VERSION = "2026.1";
    private static final Catalogue CATALOGUE = new CatalogueLoader().load("classpath*:catalogue");

    private static final String REVIEW_DEPARTMENT = "market-regulation";
    private static final String DELIVERY_DEPARTMENT = "service-centre";

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ManagementService management;
    private static HistoryService history;

    /** Every delegate call that returned normally. */
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Every call of componentRegistration, including the ones that threw. */
    private final List<Call> registrationAttempts = new CopyOnWriteArrayList<>();
    /** component id → how many more times its department's system is down. */
    private final Map<String, Integer> outages = new ConcurrentHashMap<>();

    record Call(String delegate, String activityId, String component, String processInstanceId) {

        static Call of(String delegate, DelegateExecution execution) {
            return new Call(
                    delegate,
                    execution.getCurrentActivityId(),
                    (String) execution.getVariable("component"),
                    execution.getProcessInstanceId());
        }
    }

    /**
     * Stands in for the runtime's {@code caseComponents} bean: the bundle's component ids from the
     * shipped catalogue version the case was accepted under.
     */
    public static class ShippedBundleComponents {

        public List<String> except(VariableScope execution, String first) {
            return of(execution).stream().filter(c -> !first.equals(c)).toList();
        }

        public List<String> of(VariableScope execution) {
            String jurisdiction = (String) execution.getVariable("jurisdiction");
            String version = (String) execution.getVariable("catalogueVersion");
            String matterCode = (String) execution.getVariable("matterCode");
            return CATALOGUE
                    .version(jurisdiction, version)
                    .flatMap(v -> v.matter(matterCode))
                    .map(m -> m.components().stream().map(Component::id).toList())
                    .orElseThrow(() -> new IllegalStateException(
                            "no components for " + matterCode + " in " + jurisdiction + " catalogue " + version));
        }
    }

    /** A bundle whose catalogue lists only the business licence. */
    public static final class LicenceOnly extends ShippedBundleComponents {
        @Override
        public List<String> of(VariableScope execution) {
            return List.of(BUSINESS_LICENCE);
        }
    }

    @BeforeAll
    static void startEngine() {
        engine = TestEngines.start("enterprise-opening-bundle-test", "eo_bundle");
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        engine.getRepositoryService()
                .createDeployment()
                .name("enterprise-opening-bundle")
                .addClasspathResource(BPMN)
                .deploy();
        BpmnAwareTests.init(engine);
    }

    @AfterAll
    static void stopEngine() {
        BpmnAwareTests.reset();
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void registerDelegateMocks() {
        Mocks.register("caseComponents", new ShippedBundleComponents());
        Mocks.register("componentRegistration", (JavaDelegate) execution -> {
            Call call = Call.of("componentRegistration", execution);
            registrationAttempts.add(call);
            if (outages.computeIfPresent(call.component(), (c, n) -> n - 1) != null) {
                if (outages.get(call.component()) == 0) {
                    outages.remove(call.component());
                }
                throw new IllegalStateException("department system down: " + call.component());
            }
            calls.add(call);
        });
        Mocks.register(
                "ratingInvitation", (JavaDelegate) execution -> calls.add(Call.of("ratingInvitation", execution)));
        Mocks.register(
                "caseDecision",
                new RecordingDecision(
                        execution -> calls.add(Call.of("caseApproval", execution)),
                        execution -> calls.add(Call.of("caseDenial", execution))));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // (1) FC: human review of the licence, approved; then the other four in parallel

    @Test
    void fcLicenceReviewedAndApprovedFirstThenTheOtherFourRegisterThenDeliveryAndOneRatingInvitation() {
        ProcessInstance pi = start("FC", false);

        Task review = singleTask(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review-business-licence");
        assertThat(candidateGroups(review)).containsExactly(REVIEW_DEPARTMENT);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
                .as("nothing registers before the licence is decided")
                .isZero();

        tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVED"));

        assertThat(licenceJobs(pi)).hasSize(1);
        assertThat(registrationJobs(pi)).isEmpty();
        management.executeJob(licenceJobs(pi).get(0).getId());
        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component, Call::activityId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BUSINESS_LICENCE, "register-licence"));
        assertThat(registrationJobComponents(pi)).containsExactlyInAnyOrderElementsOf(FC_COMPONENTS.subList(1, 5));
        runAllJobs(pi);

        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component)
                .containsExactlyInAnyOrderElementsOf(FC_COMPONENTS);
        assertThat(calls(pi, "ratingInvitation")).isEmpty();
        assertThat(calls(pi, "caseApproval"))
                .as("approved once, after the last registration")
                .extracting(Call::activityId)
                .containsExactly("record-approval");
        Task deliver = singleTask(pi);
        assertThat(deliver.getTaskDefinitionKey()).isEqualTo("deliver");
        assertThat(candidateGroups(deliver)).containsExactly(DELIVERY_DEPARTMENT);
        tasks.complete(deliver.getId());

        assertThat(calls(pi, "ratingInvitation")).extracting(Call::activityId).containsExactly("invite-rating");
        assertThat(calls(pi, "caseDenial")).isEmpty();
        assertEndedAt(pi, "completed");
        BpmnAwareTests.assertThat(pi)
                .hasPassed("review-business-licence", "register-licence", "register-component", "deliver")
                .hasNotPassed("record-denial", "denied");
        assertThat(passedCount(pi, "register-licence")).isEqualTo(1);
        assertThat(passedCount(pi, "register-component")).isEqualTo(4);
    }

    // (2) 智能审批: no human review

    @Test
    void smartApprovalSkipsTheReviewButStillRegistersTheLicenceFirst() {
        ProcessInstance pi = start("FC", true);

        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(licenceJobs(pi)).hasSize(1);
        assertThat(registrationJobs(pi)).isEmpty();
        runAllJobs(pi);

        assertThat(calls(pi, "componentRegistration").get(0).component()).isEqualTo(BUSINESS_LICENCE);
        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component)
                .containsExactlyInAnyOrderElementsOf(FC_COMPONENTS);
        tasks.complete(singleTask(pi).getId());
        assertThat(calls(pi, "ratingInvitation")).hasSize(1);
        assertEndedAt(pi, "completed");
        BpmnAwareTests.assertThat(pi).hasNotPassed("review-business-licence", "review-decision", "record-denial");
    }

    // (3) licence denied: nothing was registered, nothing is left behind

    @Test
    void aDeniedLicenceRecordsTheDenialEndsDeniedAndNoDepartmentWasCalled() {
        ProcessInstance pi = start("FC", false);
        Task review = singleTask(pi);

        tasks.complete(review.getId(), Map.of("reviewDecision", "DENIED", "reviewComment", "经营范围不符合规定"));

        assertEndedAt(pi, "denied");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(registrationAttempts.stream()
                        .filter(c -> c.processInstanceId().equals(pi.getId())))
                .isEmpty();
        assertThat(calls(pi, "caseDenial")).extracting(Call::activityId).containsExactly("record-denial");
        assertThat(calls(pi, "ratingInvitation")).isEmpty();
        assertThat(calls(pi, "caseApproval")).isEmpty();
        BpmnAwareTests.assertThat(pi).hasNotPassed("register-licence", "components", "record-approval", "deliver");
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("deliver")
                        .count())
                .isZero();
    }

    // (4) a department's system fails, the case waits and resumes

    @Test
    void aFailingLicenceRegistrationRetriesOnTheModelsCycleAndTheCaseCompletes() {
        outages.put(BUSINESS_LICENCE, 1);
        ProcessInstance pi = start("FC", true);

        Date failedAt = new Date((System.currentTimeMillis() / 1000) * 1000);
        ClockUtil.setCurrentTime(failedAt);
        Job licenceJob = licenceJobs(pi).get(0);
        assertThat(licenceJob.getRetries()).isEqualTo(3);
        assertThatThrownBy(() -> management.executeJob(licenceJob.getId()))
                .hasStackTraceContaining("department system down: business-licence");
        ClockUtil.reset();

        Job failed = management.createJobQuery().jobId(licenceJob.getId()).singleResult();
        assertThat(failed).as("the failed job is kept").isNotNull();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).as("R3/PT1S").isEqualTo(new Date(failedAt.getTime() + 1000));
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(registrationJobs(pi)).as("the others wait for the licence").isEmpty();
        BpmnAwareTests.assertThat(pi).isNotEnded();
        assertThat(calls(pi, "caseApproval"))
                .as("not approved while a registration is owed")
                .isEmpty();

        management.executeJob(failed.getId());
        runAllJobs(pi);

        assertThat(registrationAttempts.stream()
                        .filter(c -> c.processInstanceId().equals(pi.getId()))
                        .filter(c -> c.component().equals(BUSINESS_LICENCE)))
                .hasSize(2);
        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component)
                .containsExactlyInAnyOrderElementsOf(FC_COMPONENTS);
        tasks.complete(singleTask(pi).getId());
        assertEndedAt(pi, "completed");
        assertThat(history.createHistoricJobLogQuery()
                        .processInstanceId(pi.getId())
                        .failureLog()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void exhaustedRetriesRaiseAnIncidentAndTheCaseResumesOnceRetriesAreRestored() {
        outages.put("seal-engraving", 3);
        ProcessInstance pi = start("FC", true);
        management.executeJob(licenceJobs(pi).get(0).getId());
        Job sealJob = registrationJob(pi, "seal-engraving");

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(sealJob.getId()))
                    .hasStackTraceContaining("department system down: seal-engraving");
            assertThat(management
                            .createJobQuery()
                            .jobId(sealJob.getId())
                            .singleResult()
                            .getRetries())
                    .isEqualTo(3 - attempt);
        }
        List<Incident> incidents =
                runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("register-component");

        runAllJobs(pi); // the other three; a job without retries is not picked up
        assertThat(calls(pi, "componentRegistration")).hasSize(4);
        BpmnAwareTests.assertThat(pi).isNotEnded();

        management.setJobRetries(sealJob.getId(), 1);
        management.executeJob(sealJob.getId());

        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component)
                .containsExactlyInAnyOrderElementsOf(FC_COMPONENTS);
        tasks.complete(singleTask(pi).getId());
        assertEndedAt(pi, "completed");
    }

    // (5) LC's catalogue: licence plus three

    @Test
    void lcBundleRegistersTheLicenceAndExactlyThreeOthers() {
        ProcessInstance pi = start("LC", false);
        tasks.complete(singleTask(pi).getId(), Map.of("reviewDecision", "APPROVED"));
        runAllJobs(pi);

        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component)
                .containsExactlyInAnyOrderElementsOf(LC_COMPONENTS);
        tasks.complete(singleTask(pi).getId());
        assertEndedAt(pi, "completed");
        assertThat(passedCount(pi, "register-component")).isEqualTo(3);
    }

    // (6) a bundle of the licence alone

    @Test
    void aLicenceOnlyBundleGoesFromTheLicenceStraightToDelivery() {
        Mocks.register("caseComponents", new LicenceOnly());
        ProcessInstance pi = start("FC", true);
        runAllJobs(pi);

        assertThat(calls(pi, "componentRegistration"))
                .extracting(Call::component)
                .containsExactly(BUSINESS_LICENCE);
        assertThat(singleTask(pi).getTaskDefinitionKey()).isEqualTo("deliver");
        tasks.complete(singleTask(pi).getId());
        assertEndedAt(pi, "completed");
        assertThat(passedCount(pi, "register-component")).isZero();
    }

    // helpers

    private ProcessInstance start(String jurisdiction, boolean smartApproval) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseNumber", "EO-" + jurisdiction + "-" + System.nanoTime());
        vars.put("jurisdiction", jurisdiction);
        vars.put("matterCode", "EO-1");
        vars.put("catalogueVersion", CATALOGUE_VERSION);
        vars.put("smartApproval", smartApproval);
        vars.put("reviewDepartment", REVIEW_DEPARTMENT);
        vars.put("deliveryDepartment", DELIVERY_DEPARTMENT);
        vars.put("registrationRetryCycle", "R3/PT1S");
        return runtime.startProcessInstanceByKey(PROCESS_KEY, vars);
    }

    private List<Call> calls(ProcessInstance pi) {
        return calls.stream()
                .filter(c -> c.processInstanceId().equals(pi.getId()))
                .toList();
    }

    private List<Call> calls(ProcessInstance pi, String delegate) {
        return calls(pi).stream().filter(c -> c.delegate().equals(delegate)).toList();
    }

    private Task singleTask(ProcessInstance pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private List<Job> licenceJobs(ProcessInstance pi) {
        return management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("register-licence")
                .list();
    }

    private List<Job> registrationJobs(ProcessInstance pi) {
        return management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("register-component")
                .list();
    }

    private List<String> registrationJobComponents(ProcessInstance pi) {
        return registrationJobs(pi).stream()
                .map(j -> (String) runtime.getVariable(j.getExecutionId(), "component"))
                .toList();
    }

    private Job registrationJob(ProcessInstance pi, String component) {
        return registrationJobs(pi).stream()
                .filter(j -> component.equals(runtime.getVariable(j.getExecutionId(), "component")))
                .findFirst()
                .orElseThrow();
    }

    /** Runs every executable job of the instance, as the job executor would, until none is left. */
    private void runAllJobs(ProcessInstance pi) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(pi.getId())
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + pi.getId());
    }

    private void assertEndedAt(ProcessInstance pi, String endEvent) {
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(endEvent);
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId())
                .singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        // of the two ends of the process (completed, denied), exactly the one expected was reached
        for (String end : List.of("completed", "denied")) {
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(pi.getId())
                            .activityId(end)
                            .finished()
                            .count())
                    .isEqualTo(end.equals(endEvent) ? 1 : 0);
        }
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
                .isZero();
    }

    private long passedCount(ProcessInstance pi, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .finished()
                .count();
    }
}
