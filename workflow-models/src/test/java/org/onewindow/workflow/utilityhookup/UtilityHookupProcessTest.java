package org.onewindow.workflow.utilityhookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
import org.onewindow.workflow.RecordingStepClocks;
import org.onewindow.workflow.TestEngines;
import org.onewindow.workflow.enterpriseopening.RecordingDecision;

/**
 * The utility-hookup (水电气热信报装) models on a real PostgreSQL with recording delegate mocks: the
 * connection paths of two to four steps, the external-works approval by commitment-filing, in
 * parallel or exempt, the supplier's information push, the company's system failing and
 * recovering, and 过户. Tasks are completed as the runtime's TaskWork completes them.
 */
class UtilityHookupProcessTest {

    private static final String DIR = "bpmn/utility-hookup/";
    private static final String POWER = "power-supply";
    private static final String WINDOW = "service-centre";
    private static final List<String> APPROVALS = List.of("planning", "urban-management", "landscaping");

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ManagementService management;
    private static HistoryService history;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** How many more calls to the company's system fail before it answers again. */
    private final AtomicInteger systemDownFor = new AtomicInteger();

    @BeforeAll
    static void startEngine() {
        engine = TestEngines.start("utility-hookup-test", "ut_models");
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        engine.getRepositoryService()
                .createDeployment()
                .name("utility-hookup")
                .addClasspathResource(DIR + "utility-connection.bpmn")
                .addClasspathResource(DIR + "utility-account-transfer.bpmn")
                .addClasspathResource(DIR + "joint-utility-application.bpmn")
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
    void mocks() {
        Mocks.register("componentRegistration", (JavaDelegate) execution -> {
            if (systemDownFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("utility company's system down");
            }
            calls.add("register:" + execution.getVariable("component"));
        });
        Mocks.register("ratingInvitation", (JavaDelegate) execution -> calls.add("ratingInvitation"));
        Mocks.register("componentCases", (JavaDelegate)
                execution -> calls.add("componentCases:" + execution.getVariable("componentMatters")));
        Mocks.register(
                "caseDecision",
                new RecordingDecision(execution -> calls.add("caseApproval"), execution -> calls.add("caseDenial")));
        Mocks.register("stepClocks", new RecordingStepClocks((what, execution) -> calls.add(what)));
        Mocks.register("caseMilestone", new MilestoneRecorder(calls));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** As the runtime's CaseMilestone, with its fields injected. */
    public static final class MilestoneRecorder implements JavaDelegate {
        private final List<String> calls;
        private Expression step;
        private Expression result;

        MilestoneRecorder(List<String> calls) {
            this.calls = calls;
        }

        public void setStep(Expression step) {
            this.step = step;
        }

        public void setResult(Expression result) {
            this.result = result;
        }

        @Override
        public void execute(DelegateExecution execution) {
            calls.add("milestone:" + step.getValue(execution) + "→" + result.getValue(execution));
        }
    }

    @Test
    void lowVoltageWithoutWorksIsTwoStepsAcceptanceThenConnection() {
        ProcessInstance pi = start("utility-connection", path(false, false, null));
        runJobs(pi);

        approve(single(pi, "connection"));
        deliver(single(pi, "deliver"));

        assertThat(calls).containsExactly("register:" + POWER, "caseApproval", "ratingInvitation");
        assertThat(historicTasks(pi)).containsExactly("connection", "deliver");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("completed").hasNotPassed("scheme-reply", "external-works");
    }

    @Test
    void highVoltageWithWorksIsFourStepsAndTheParallelApprovalRunsOnItsStepClock() {
        Map<String, Object> vars = path(true, true, "PARALLEL");
        vars.put("approvalDepartments", APPROVALS);
        ProcessInstance pi = start("utility-connection", vars);
        runJobs(pi);

        approve(single(pi, "scheme-reply"));
        List<Task> approvals = open(pi);
        assertThat(approvals).extracting(Task::getTaskDefinitionKey).containsOnly("works-approval");
        assertThat(approvals).extracting(this::group).containsExactlyInAnyOrderElementsOf(APPROVALS);
        approvals.forEach(this::approve);
        approve(single(pi, "external-works"));
        approve(single(pi, "connection"));
        deliver(single(pi, "deliver"));

        assertThat(calls)
                .containsExactly(
                        "register:" + POWER,
                        "stepClocks.start(external-works-approval)",
                        "stepClocks.start(joint-approval)",
                        "stepClocks.stop(external-works-approval)",
                        "stepClocks.stop(joint-approval)",
                        "caseApproval",
                        "ratingInvitation");
        assertThat(historicTasks(pi))
                .containsExactly(
                        "scheme-reply",
                        "works-approval",
                        "works-approval",
                        "works-approval",
                        "external-works",
                        "connection",
                        "deliver");
    }

    @Test
    void worksByCommitmentFilingAreApprovedAtOnce() {
        ProcessInstance pi = start("utility-connection", path(true, true, "COMMITMENT_FILING"));
        runJobs(pi);
        approve(single(pi, "scheme-reply"));

        assertThat(single(pi, "external-works")).isNotNull();
        assertThat(calls)
                .containsExactly(
                        "register:" + POWER,
                        "stepClocks.start(external-works-approval)",
                        "milestone:external-works-approval→worksFiledOn",
                        "stepClocks.stop(external-works-approval)");
    }

    @Test
    void exemptWorksNeedNoApprovalAndTheSupplierPushesTheWorksDataAfterConnection() {
        Map<String, Object> vars = path(false, true, "EXEMPT");
        vars.put("informationPush", true);
        ProcessInstance pi = start("utility-connection", vars);
        runJobs(pi);

        approve(single(pi, "external-works"));
        approve(single(pi, "connection"));
        runJobs(pi);
        deliver(single(pi, "deliver"));

        assertThat(calls)
                .containsExactly(
                        "register:" + POWER,
                        "caseApproval",
                        "stepClocks.start(supplier-information-push)",
                        "register:null",
                        "stepClocks.stop(supplier-information-push)",
                        "ratingInvitation");
        assertThat(historicTasks(pi)).containsExactly("external-works", "connection", "deliver");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("information-push").hasNotPassed("works-approval");
    }

    @Test
    void noSupplyPossibleAtTheSchemeReplyIsRecordedWithItsReason() {
        ProcessInstance pi = start("utility-connection", path(true, false, null));
        runJobs(pi);

        tasks.complete(
                single(pi, "scheme-reply").getId(), Map.of("reviewDecision", "DENIED", "reviewComment", "线路容量不足"));

        assertThat(calls).containsExactly("register:" + POWER, "caseDenial");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("denied").hasNotPassed("connection", "deliver");
    }

    @Test
    void theCompanysSystemDownLeavesARetryingJobAndTheCaseGoesOnWhenItIsBack() {
        systemDownFor.set(2);
        ProcessInstance pi = start("utility-connection", path(false, false, null));

        Job dispatch = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                management.executeJob(dispatch.getId());
            } catch (RuntimeException expected) {
                // the engine keeps the job with one retry fewer
            }
        }
        Job retried = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(1);
        assertThat(retried.getExceptionMessage()).contains("system down");
        assertThat(open(pi)).isEmpty();

        management.executeJob(retried.getId());

        assertThat(calls).containsExactly("register:" + POWER);
        assertThat(single(pi, "connection")).isNotNull();
    }

    @Test
    void accountTransferIsPushedToTheCompanyWhichMovesTheAccount() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("utilityCompany", "water-supply");
        ProcessInstance pi = start("utility-account-transfer", vars);
        runJobs(pi);

        approve(single(pi, "transfer-review"));
        deliver(single(pi, "deliver"));

        assertThat(calls).containsExactly("register:water-supply", "caseApproval", "ratingInvitation");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("completed");
    }

    @Test
    void aJointApplicationIsSurveyedOnceThenWaitsForEveryComponentCase() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("componentMatters", new ArrayList<>(List.of("UT-E1", "UT-W1")));
        ProcessInstance pi = start("joint-utility-application", vars);

        approve(single(pi, "joint-survey"));
        runJobs(pi);
        assertThat(calls).containsExactly("componentCases:[UT-E1, UT-W1]");
        BpmnAwareTests.assertThat(pi).isWaitingAt("await-components");
        assertThat(open(pi)).isEmpty();

        // the service, when the last component case ends
        runtime.createMessageCorrelation("components-done")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        deliver(single(pi, "deliver"));

        assertThat(calls).containsExactly("componentCases:[UT-E1, UT-W1]", "caseApproval", "ratingInvitation");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("completed");
    }

    // helpers

    private static Map<String, Object> path(boolean scheme, boolean works, String approval) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("utilityCompany", POWER);
        vars.put("schemeReply", scheme);
        vars.put("externalWorks", works);
        vars.put("worksApproval", approval == null ? "EXEMPT" : approval);
        vars.put("approvalDepartments", new ArrayList<>());
        vars.put("informationPush", false);
        return vars;
    }

    private ProcessInstance start(String key, Map<String, Object> extra) {
        Map<String, Object> vars = new HashMap<>(extra);
        vars.put("caseNumber", "LC-UT-" + System.nanoTime());
        vars.put("jurisdiction", "LC");
        vars.put("matterCode", "UT-X");
        vars.put("catalogueVersion", "2026.1");
        vars.put("reviewDepartment", POWER);
        vars.put("deliveryDepartment", WINDOW);
        vars.put("registrationRetryCycle", "R3/PT1S");
        return runtime.startProcessInstanceByKey(key, (String) vars.get("caseNumber"), vars);
    }

    private void runJobs(ProcessInstance pi) {
        for (Job job : management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .executable()
                .list()) {
            management.executeJob(job.getId());
        }
    }

    private void approve(Task task) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("reviewDecision", "APPROVED");
        vars.put("reviewComment", null);
        tasks.complete(task.getId(), vars);
    }

    private void deliver(Task task) {
        tasks.complete(task.getId(), Map.of("deliveryChannel", "WINDOW"));
    }

    private List<Task> open(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).list();
    }

    private Task single(ProcessInstance pi, String key) {
        List<Task> open = open(pi);
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(key);
        return open.get(0);
    }

    private String group(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    private List<String> historicTasks(ProcessInstance pi) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list().stream()
                .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)
                        .thenComparing(t -> t.getId().length())
                        .thenComparing(HistoricTaskInstance::getId))
                .map(HistoricTaskInstance::getTaskDefinitionKey)
                .toList();
    }
}
