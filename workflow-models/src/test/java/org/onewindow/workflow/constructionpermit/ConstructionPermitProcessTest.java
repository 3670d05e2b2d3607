package org.onewindow.workflow.constructionpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.workflow.RecordingStepClocks;
import org.onewindow.workflow.TestEngines;
import org.onewindow.workflow.enterpriseopening.RecordingDecision;

/**
 * The construction-permit (工程建设项目审批) models on a real PostgreSQL with recording delegate mocks:
 * 并联审查 with a lead department, the low-risk merged approval with its one joint inspection, 联合竣工验收
 * comprehensive or staged, and 告知承诺 with its later verification (kept, breached, or not verified in
 * time). Tasks are completed as the runtime's TaskWork completes them: a decision task with {@code
 * reviewDecision} (and {@code reviewComment}), {@code deliver} with the delivery channel.
 */
class ConstructionPermitProcessTest {

    private static final String DIR = "bpmn/construction-permit/";

    private static final String LEAD = "housing-construction";
    private static final String WINDOW = "service-centre";
    private static final String PLANNING = "natural-resources-planning";
    private static final String FIRE = "fire-rescue";
    private static final String CIVIL_AIR_DEFENCE = "civil-air-defence";
    private static final String ARCHIVES = "urban-archives";
    private static final List<String> PARTICIPANTS = List.of(PLANNING, FIRE, CIVIL_AIR_DEFENCE);
    private static final List<String> CHECKS = List.of(PLANNING, FIRE, CIVIL_AIR_DEFENCE, ARCHIVES);

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ManagementService management;
    private static HistoryService history;

    /** Every delegate call, in order, of every instance. */
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    record Call(String delegate, String activityId, String processInstanceId) {

        static Call of(String delegate, DelegateExecution execution) {
            return new Call(delegate, execution.getCurrentActivityId(), execution.getProcessInstanceId());
        }

        @Override
        public String toString() {
            return delegate + "@" + activityId;
        }
    }

    @BeforeAll
    static void startEngine() {
        engine = TestEngines.start("construction-permit-test", "cp_models");
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        var deployment = engine.getRepositoryService().createDeployment().name("construction-permit");
        for (String key : List.of(
                "permit-review",
                "low-risk-project-approval",
                "joint-completion-acceptance",
                "commitment-permit",
                "simulated-approval")) {
            deployment.addClasspathResource(DIR + key + ".bpmn");
        }
        deployment.deploy();
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
        for (String delegate : List.of("ratingInvitation", "completionAccepted", "commitmentRevocation")) {
            Mocks.register(delegate, (JavaDelegate) execution -> calls.add(Call.of(delegate, execution)));
        }
        Mocks.register(
                "caseDecision",
                new RecordingDecision(
                        execution -> calls.add(Call.of("caseApproval", execution)),
                        execution -> calls.add(Call.of("caseDenial", execution))));
        Mocks.register("stepClocks", new RecordingStepClocks((what, execution) -> calls.add(Call.of(what, execution))));
        Mocks.register("caseMilestone", new RecordingMilestone(calls));
    }

    /** As the runtime's CaseMilestone, with its fields injected: which step, which result. */
    public static final class RecordingMilestone implements JavaDelegate {
        private final List<Call> calls;
        private Expression step;
        private Expression result;

        RecordingMilestone(List<Call> calls) {
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
            assertThat(step.getValue(execution)).isEqualTo("simulated-approval");
            assertThat(result.getValue(execution)).isEqualTo("simulatedApprovalOn");
            calls.add(Call.of("caseMilestone", execution));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // permit-review: 并联审查, the lead department decides

    @Test
    void permitReviewAsksEveryParticipantAtOnceThenTheLeadDepartmentApprovesAndTheWindowDelivers() {
        ProcessInstance pi = start("permit-review", Map.of("participants", PARTICIPANTS));

        List<Task> opinions = open(pi);
        assertThat(opinions).extracting(Task::getTaskDefinitionKey).containsOnly("opinion");
        assertThat(opinions).extracting(this::group).containsExactlyInAnyOrderElementsOf(PARTICIPANTS);

        approve(taskOf(pi, "opinion", PLANNING));
        approve(taskOf(pi, "opinion", FIRE));
        assertThat(open(pi))
                .as("the lead department decides only once every opinion is in")
                .extracting(Task::getTaskDefinitionKey, this::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("opinion", CIVIL_AIR_DEFENCE));
        approve(taskOf(pi, "opinion", CIVIL_AIR_DEFENCE));

        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        assertThat(groups(review)).containsExactly(LEAD);
        assertThat(calls(pi)).isEmpty();
        approve(review);

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval");
        Task deliver = single(pi);
        assertThat(deliver.getTaskDefinitionKey()).isEqualTo("deliver");
        assertThat(groups(deliver)).containsExactly(WINDOW);
        deliver(deliver);

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied");
        assertThat(historicTasks(pi)).containsExactly("opinion", "opinion", "opinion", "review", "deliver");
    }

    @Test
    void permitReviewWithoutParticipantsGoesStraightToTheLeadDepartment() {
        ProcessInstance pi = start("permit-review", Map.of("participants", List.of()));

        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        assertThat(groups(review)).containsExactly(LEAD);
        approve(review);
        deliver(single(pi));

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied");
        assertThat(historicTasks(pi)).containsExactly("review", "deliver");
    }

    @Test
    void permitReviewDeniedByTheLeadDepartmentIsRecordedAndNothingIsDelivered() {
        ProcessInstance pi = start("permit-review", Map.of("participants", List.of(PLANNING)));
        approve(single(pi));
        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");

        deny(review, "规划条件不符");

        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("record-approval", "deliver", "invite-rating");
        assertThat(historicTasks(pi)).containsExactly("opinion", "review");
    }

    @Test
    void permitReviewDeniedWithoutParticipants() {
        ProcessInstance pi = start("permit-review", Map.of("participants", List.of()));
        deny(single(pi), "材料不符合法定形式");

        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "completed", "denied");
        assertThat(historicTasks(pi)).containsExactly("review");
    }

    @Test
    void aDissentingOpinionDoesNotDecideTheLeadDepartmentDoes() {
        ProcessInstance pi = start("permit-review", Map.of("participants", List.of(PLANNING, FIRE)));
        deny(taskOf(pi, "opinion", FIRE), "消防设计需补充");
        approve(taskOf(pi, "opinion", PLANNING));
        assertThat(single(pi).getTaskDefinitionKey())
                .as("a DENIED opinion does not end the case")
                .isEqualTo("review");

        approve(single(pi));

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval");
        assertThat(single(pi).getTaskDefinitionKey()).isEqualTo("deliver");
    }

    // low-risk-project-approval (CP-8): opinions, one joint inspection, the merged decision

    @Test
    void lowRiskOpinionsThenOneJointInspectionThenTheMergedApproval() {
        ProcessInstance pi = start("low-risk-project-approval", Map.of("participants", PARTICIPANTS));

        List<Task> opinions = open(pi);
        assertThat(opinions).extracting(Task::getTaskDefinitionKey).containsOnly("opinion");
        assertThat(opinions).extracting(this::group).containsExactlyInAnyOrderElementsOf(PARTICIPANTS);
        opinions.forEach(this::approve);

        Task inspection = single(pi);
        assertThat(inspection.getTaskDefinitionKey()).isEqualTo("joint-inspection");
        assertThat(groups(inspection)).containsExactly(LEAD);
        approve(inspection);

        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        assertThat(groups(review)).containsExactly(LEAD);
        assertThat(calls(pi)).isEmpty();
        approve(review);

        Task deliver = single(pi);
        assertThat(deliver.getTaskDefinitionKey()).isEqualTo("deliver");
        assertThat(groups(deliver)).containsExactly(WINDOW);
        deliver(deliver);

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied");
        assertThat(historicTasks(pi))
                .containsExactly("opinion", "opinion", "opinion", "joint-inspection", "review", "deliver");
        assertThat(passedCount(pi, "joint-inspection"))
                .as("one joint inspection")
                .isEqualTo(1);
    }

    @Test
    void lowRiskWithoutParticipantsStartsWithTheJointInspectionAndTheMergedDecisionCanDeny() {
        ProcessInstance pi = start("low-risk-project-approval", Map.of("participants", List.of()));

        Task inspection = single(pi);
        assertThat(inspection.getTaskDefinitionKey()).isEqualTo("joint-inspection");
        assertThat(groups(inspection)).containsExactly(LEAD);
        approve(inspection);
        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        deny(review, "不属于低风险项目");

        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("record-approval", "deliver");
        assertThat(historicTasks(pi)).containsExactly("joint-inspection", "review");
    }

    @Test
    void lowRiskWithoutParticipantsApproved() {
        ProcessInstance pi = start("low-risk-project-approval", Map.of("participants", List.of()));
        approve(single(pi));
        approve(single(pi));
        deliver(single(pi));

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied");
        assertThat(historicTasks(pi)).containsExactly("joint-inspection", "review", "deliver");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDeniedJointInspectionEndsInDenialWithoutTheMergedDecision(boolean withParticipants) {
        List<String> participants = withParticipants ? List.of(PLANNING, FIRE) : List.of();
        ProcessInstance pi = start("low-risk-project-approval", Map.of("participants", participants));
        open(pi).stream()
                .filter(t -> t.getTaskDefinitionKey().equals("opinion"))
                .forEach(this::approve);

        Task inspection = single(pi);
        assertThat(inspection.getTaskDefinitionKey()).isEqualTo("joint-inspection");
        deny(inspection, "现场不具备开工条件");

        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("review", "record-approval", "deliver");
        List<String> expected = new ArrayList<>();
        participants.forEach(p -> expected.add("opinion"));
        expected.add("joint-inspection");
        assertThat(historicTasks(pi)).containsExactlyElementsOf(expected);
    }

    // joint-completion-acceptance: 综合 or 分段联合验收, one consolidated opinion

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"COMPREHENSIVE", "staged", "SOMETHING-ELSE"})
    void comprehensiveAcceptanceRunsEveryCheckAtOnceThenOneOpinionAnnouncesCompletionOnce(String mode) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("acceptanceChecks", CHECKS);
        if (mode != null) {
            vars.put("acceptanceMode", mode);
        }
        ProcessInstance pi = start("joint-completion-acceptance", vars);

        List<Task> checks = open(pi);
        assertThat(checks)
                .as("all checks at once")
                .hasSize(CHECKS.size())
                .extracting(Task::getTaskDefinitionKey)
                .containsOnly("acceptance-check");
        assertThat(checks).extracting(this::group).containsExactlyInAnyOrderElementsOf(CHECKS);

        approve(taskOf(pi, "acceptance-check", ARCHIVES));
        approve(taskOf(pi, "acceptance-check", PLANNING));
        assertThat(open(pi))
                .extracting(Task::getTaskDefinitionKey, this::group)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("acceptance-check", FIRE),
                        org.assertj.core.groups.Tuple.tuple("acceptance-check", CIVIL_AIR_DEFENCE));
        approve(taskOf(pi, "acceptance-check", FIRE));
        approve(taskOf(pi, "acceptance-check", CIVIL_AIR_DEFENCE));

        Task opinion = single(pi);
        assertThat(opinion.getTaskDefinitionKey()).isEqualTo("acceptance-opinion");
        assertThat(groups(opinion)).containsExactly(LEAD);
        assertThat(calls(pi)).isEmpty();
        approve(opinion);

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "completionAccepted@announce-completion");
        Task deliver = single(pi);
        assertThat(deliver.getTaskDefinitionKey()).isEqualTo("deliver");
        assertThat(groups(deliver)).containsExactly(WINDOW);
        deliver(deliver);

        assertThat(calls(pi))
                .containsExactly(
                        "caseApproval@record-approval",
                        "completionAccepted@announce-completion",
                        "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("staged-acceptance-check");
        assertThat(passedCount(pi, "acceptance-check")).isEqualTo(CHECKS.size());
    }

    @Test
    void stagedAcceptanceRunsTheChecksOneAfterTheOtherInTheDevelopersOrder() {
        ProcessInstance pi =
                start("joint-completion-acceptance", Map.of("acceptanceChecks", CHECKS, "acceptanceMode", "STAGED"));

        for (String department : CHECKS) {
            Task check = single(pi);
            assertThat(check.getTaskDefinitionKey()).isEqualTo("staged-acceptance-check");
            assertThat(groups(check)).as("one check at a time").containsExactly(department);
            approve(check);
        }

        Task opinion = single(pi);
        assertThat(opinion.getTaskDefinitionKey()).isEqualTo("acceptance-opinion");
        assertThat(groups(opinion)).containsExactly(LEAD);
        assertThat(calls(pi)).isEmpty();
        approve(opinion);
        deliver(single(pi));

        assertThat(calls(pi))
                .containsExactly(
                        "caseApproval@record-approval",
                        "completionAccepted@announce-completion",
                        "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("acceptance-check");
        assertThat(passedCount(pi, "staged-acceptance-check")).isEqualTo(CHECKS.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPREHENSIVE", "STAGED"})
    void aDeniedAcceptanceOpinionIsRecordedAndCompletionIsNeverAnnounced(String mode) {
        ProcessInstance pi = start(
                "joint-completion-acceptance",
                Map.of("acceptanceChecks", List.of(FIRE, ARCHIVES), "acceptanceMode", mode));
        String checkKey = "STAGED".equals(mode) ? "staged-acceptance-check" : "acceptance-check";
        List<Integer> rounds = new ArrayList<>();
        while (open(pi).stream().anyMatch(t -> !t.getTaskDefinitionKey().equals("acceptance-opinion"))) {
            List<Task> checks = open(pi);
            assertThat(checks).extracting(Task::getTaskDefinitionKey).containsOnly(checkKey);
            rounds.add(checks.size());
            checks.forEach(this::approve);
        }
        assertThat(rounds).as("tasks open at each round").isEqualTo("STAGED".equals(mode) ? List.of(1, 1) : List.of(2));

        Task opinion = single(pi);
        assertThat(opinion.getTaskDefinitionKey()).isEqualTo("acceptance-opinion");
        deny(opinion, "消防验收不合格");

        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("record-approval", "announce-completion", "deliver");
    }

    @Test
    void aFacilityHandoverOwedAtFilingKeepsTheDeliveredCaseOpenUntilItsProofIsIn() {
        ProcessInstance pi = start(
                "joint-completion-acceptance", Map.of("acceptanceChecks", List.of(FIRE), "materialsComplete", false));
        approve(single(pi));
        approve(single(pi));
        deliver(single(pi));

        assertThat(calls(pi))
                .as("备案 with the handover agreement signed: decided, announced, delivered")
                .containsExactly(
                        "caseApproval@record-approval",
                        "completionAccepted@announce-completion",
                        "ratingInvitation@invite-rating");
        BpmnAwareTests.assertThat(pi).isWaitingAt("await-owed-materials");
        runtime.createMessageCorrelation("materials-complete")
                .processInstanceId(pi.getId())
                .correlate();
        assertEndedAt(pi, "completed", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasPassed("await-owed-materials");
    }

    @Test
    void nothingOwedAtFilingEndsAtDelivery() {
        ProcessInstance pi = start(
                "joint-completion-acceptance", Map.of("acceptanceChecks", List.of(FIRE), "materialsComplete", true));
        approve(single(pi));
        approve(single(pi));
        deliver(single(pi));
        assertEndedAt(pi, "completed", "completed", "denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("await-owed-materials");
    }

    // simulated-approval: 模拟审批, formal at once when the formalities are in

    @ParameterizedTest
    @NullSource
    @ValueSource(booleans = true)
    void formalitiesCompleteAtAcceptanceGetTheFormalReview(Boolean complete) {
        Map<String, Object> vars = new HashMap<>();
        if (complete != null) {
            vars.put("materialsComplete", complete);
        }
        ProcessInstance pi = start("simulated-approval", vars);
        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        assertThat(groups(review)).containsExactly(LEAD);
        approve(review);
        deliver(single(pi));

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        assertEndedAt(pi, "completed", "completed", "denied", "simulation-denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("simulated-review", "await-formalities", "formal-conversion");
    }

    @Test
    void aFormalReviewCanDeny() {
        ProcessInstance pi = start("simulated-approval", Map.of("materialsComplete", true));
        deny(single(pi), "不符合产业政策");
        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "completed", "denied", "simulation-denied");
    }

    @Test
    void aSimulatedApprovalTurnsFormalTheMomentTheFormalitiesAreIn() {
        ProcessInstance pi = start("simulated-approval", Map.of("materialsComplete", false));
        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("simulated-review");
        BpmnAwareTests.assertThat(pi).isWaitingAt("simulated-review", "await-formalities");
        approve(review);

        assertThat(calls(pi)).containsExactly("caseMilestone@simulated-approval-issued");
        assertThat(open(pi)).as("no person is asked again").isEmpty();
        BpmnAwareTests.assertThat(pi).isWaitingAt("await-formalities");

        formalitiesIn(pi);
        assertThat(calls(pi))
                .containsExactly(
                        "caseMilestone@simulated-approval-issued",
                        "stepClocks.start(formal-conversion)@formal-conversion",
                        "caseApproval@formal-conversion",
                        "stepClocks.stop(formal-conversion)@formal-conversion");
        deliver(single(pi));
        assertEndedAt(pi, "completed", "completed", "denied", "simulation-denied");
        BpmnAwareTests.assertThat(pi).hasNotPassed("review", "record-approval");
    }

    @Test
    void formalitiesHandedInDuringTheSimulatedReviewMakeItsApprovalFormalAtOnce() {
        ProcessInstance pi = start("simulated-approval", Map.of("materialsComplete", false));
        formalitiesIn(pi);
        assertThat(calls(pi)).isEmpty();
        assertThat(single(pi).getTaskDefinitionKey()).isEqualTo("simulated-review");

        approve(single(pi));
        assertThat(calls(pi))
                .containsExactly(
                        "caseMilestone@simulated-approval-issued",
                        "stepClocks.start(formal-conversion)@formal-conversion",
                        "caseApproval@formal-conversion",
                        "stepClocks.stop(formal-conversion)@formal-conversion");
        deliver(single(pi));
        assertEndedAt(pi, "completed", "completed", "denied", "simulation-denied");
    }

    @Test
    void aDeniedSimulatedReviewEndsTheWaitForTheFormalitiesToo() {
        ProcessInstance pi = start("simulated-approval", Map.of("materialsComplete", false));
        deny(single(pi), "投资意向不明确");

        assertThat(calls(pi)).containsExactly("caseDenial@record-simulated-denial");
        assertEndedAt(pi, "simulation-denied", "completed", "denied", "simulation-denied");
        assertThat(runtime.createEventSubscriptionQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        BpmnAwareTests.assertThat(pi).hasNotPassed("formal-conversion", "deliver");
    }

    // commitment-permit: 告知承诺, verified later by a due date

    @Test
    void aCommitmentPermitIsGrantedDeliveredAndThenVerified() {
        Date dueAt = inDays(60);
        ProcessInstance pi = start("commitment-permit", Map.of("verificationDueAt", dueAt));

        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        assertThat(groups(review)).containsExactly(LEAD);
        assertThat(timers(pi))
                .as("no verification clock before the permit is granted")
                .isEmpty();
        approve(review);

        Task deliver = single(pi);
        assertThat(deliver.getTaskDefinitionKey()).isEqualTo("deliver");
        assertThat(groups(deliver)).containsExactly(WINDOW);
        assertThat(calls(pi)).containsExactly("caseApproval@record-approval");
        deliver(deliver);

        Task verify = single(pi);
        assertThat(verify.getTaskDefinitionKey()).isEqualTo("verify-commitment");
        assertThat(groups(verify)).containsExactly(LEAD);
        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        Job timer = singleTimer(pi);
        assertThat(timer.getDuedate()).as("the service's date, untouched").isEqualTo(dueAt);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .executable()
                        .count())
                .as("not due yet")
                .isZero();

        approve(verify);

        assertThat(calls(pi)).containsExactly("caseApproval@record-approval", "ratingInvitation@invite-rating");
        assertEndedAt(pi, "verified", "denied", "verified", "revoked");
        BpmnAwareTests.assertThat(pi).hasNotPassed("verification-overdue", "revoke");
    }

    @Test
    void aCommitmentFoundNotKeptRevokesThePermit() {
        ProcessInstance pi = start("commitment-permit", Map.of("verificationDueAt", inDays(60)));
        approve(single(pi));
        deliver(single(pi));
        Task verify = single(pi);
        assertThat(verify.getTaskDefinitionKey()).isEqualTo("verify-commitment");

        deny(verify, "现场核查与承诺不符");

        assertThat(calls(pi))
                .containsExactly(
                        "caseApproval@record-approval",
                        "ratingInvitation@invite-rating",
                        "commitmentRevocation@revoke");
        assertEndedAt(pi, "revoked", "denied", "verified", "revoked");
        BpmnAwareTests.assertThat(pi).hasNotPassed("verification-overdue");
    }

    @Test
    void aCommitmentNotVerifiedByItsDueDateRevokesThePermit() {
        Date dueAt = inDays(60);
        ProcessInstance pi = start("commitment-permit", Map.of("verificationDueAt", dueAt));
        approve(single(pi));
        deliver(single(pi));
        assertThat(single(pi).getTaskDefinitionKey()).isEqualTo("verify-commitment");
        Job timer = singleTimer(pi);

        ClockUtil.setCurrentTime(new Date(dueAt.getTime() + 1000));
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .executable()
                        .list())
                .extracting(Job::getId)
                .containsExactly(timer.getId());
        management.executeJob(timer.getId());

        assertThat(open(pi)).as("the verification task is withdrawn").isEmpty();
        assertThat(calls(pi))
                .containsExactly(
                        "caseApproval@record-approval",
                        "ratingInvitation@invite-rating",
                        "commitmentRevocation@revoke");
        assertEndedAt(pi, "revoked", "denied", "verified", "revoked");
        BpmnAwareTests.assertThat(pi).hasPassed("verification-overdue");
        HistoricTaskInstance verification = history.createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("verify-commitment")
                .singleResult();
        assertThat(verification.getDeleteReason())
                .as("cancelled, not completed")
                .isNotEqualTo("completed");
    }

    @Test
    void aCommitmentPermitDeniedAtReviewIsNeitherDeliveredNorVerified() {
        ProcessInstance pi = start("commitment-permit", Map.of("verificationDueAt", inDays(60)));
        deny(single(pi), "承诺书不符合要求");

        assertThat(calls(pi)).containsExactly("caseDenial@record-denial");
        assertEndedAt(pi, "denied", "denied", "verified", "revoked");
        BpmnAwareTests.assertThat(pi).hasNotPassed("deliver", "verify-commitment", "revoke");
        assertThat(historicTasks(pi)).containsExactly("review");
    }

    // helpers

    private ProcessInstance start(String key, Map<String, Object> extra) {
        Map<String, Object> vars = new HashMap<>(extra);
        vars.put("caseNumber", "ST-CP-" + System.nanoTime());
        vars.put("jurisdiction", "ST");
        vars.put("matterCode", "CP-X");
        vars.put("catalogueVersion", "2026.1");
        vars.put("reviewDepartment", LEAD);
        vars.put("deliveryDepartment", WINDOW);
        vars.put("registrationRetryCycle", "R3/PT1S");
        // the case number is the business key, as the runtime starts it
        return runtime.startProcessInstanceByKey(key, (String) vars.get("caseNumber"), vars);
    }

    /** As CaseActions does when the last owed material is handed in (补齐). */
    private void formalitiesIn(ProcessInstance pi) {
        runtime.createMessageCorrelation("materials-complete")
                .processInstanceBusinessKey(caseNumberOf(pi))
                .setVariable("materialsComplete", true)
                .correlate();
    }

    private static String caseNumberOf(ProcessInstance pi) {
        return pi.getBusinessKey();
    }

    /** As TaskWork completes a review: the decision and its comment. */
    private void approve(Task task) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("reviewDecision", "APPROVED");
        vars.put("reviewComment", null);
        tasks.complete(task.getId(), vars);
    }

    private void deny(Task task, String reason) {
        tasks.complete(task.getId(), Map.of("reviewDecision", "DENIED", "reviewComment", reason));
    }

    /** As TaskWork completes the window's delivery. */
    private void deliver(Task task) {
        assertThat(task.getTaskDefinitionKey()).isEqualTo("deliver");
        tasks.complete(task.getId(), Map.of("deliveryChannel", "WINDOW"));
    }

    private List<Task> open(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).list();
    }

    private Task single(ProcessInstance pi) {
        List<Task> open = open(pi);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private Task taskOf(ProcessInstance pi, String key, String department) {
        List<Task> found = tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(key)
                .taskCandidateGroup(department)
                .list();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private String group(Task task) {
        List<String> groups = groups(task);
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    private List<String> calls(ProcessInstance pi) {
        return calls.stream()
                .filter(c -> c.processInstanceId().equals(pi.getId()))
                .map(Call::toString)
                .toList();
    }

    /** The task definition keys of the instance's human tasks, in the order they were created. */
    private List<String> historicTasks(ProcessInstance pi) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list().stream()
                .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)
                        .thenComparing(t -> t.getId().length())
                        .thenComparing(HistoricTaskInstance::getId))
                .map(HistoricTaskInstance::getTaskDefinitionKey)
                .toList();
    }

    private List<Job> timers(ProcessInstance pi) {
        return management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .list();
    }

    private Job singleTimer(ProcessInstance pi) {
        List<Job> timers = timers(pi);
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }

    /** Ended at {@code endEvent} and at none of the model's other {@code ends}; no job left behind. */
    private void assertEndedAt(ProcessInstance pi, String endEvent, String... ends) {
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(endEvent);
        assertThat(List.of(ends)).contains(endEvent);
        for (String end : ends) {
            assertThat(passedCount(pi, end)).as("end event %s", end).isEqualTo(end.equals(endEvent) ? 1 : 0);
        }
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(open(pi)).isEmpty();
    }

    private long passedCount(ProcessInstance pi, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .finished()
                .count();
    }

    private static Date inDays(int days) {
        return new Date((System.currentTimeMillis() / 1000) * 1000 + days * 24L * 3600 * 1000);
    }
}
