package org.onewindow.workflow.enterpriseopening;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.workflow.TestEngines;

/**
 * The enterprise-opening models besides the bundle, on a real PostgreSQL with recording delegate
 * mocks: one-department matters (EO-4, EO-6, EO-7), 简易注销 with its 公告 and objections (EO-5),
 * and 证照分离's four paths (EO-8).
 */
class EnterpriseOpeningMattersProcessTest {

    private static final String DIR = "bpmn/enterprise-opening/";

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ManagementService management;
    private static HistoryService history;

    /** delegate:component of every delegate call, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEngine() {
        engine = TestEngines.start("enterprise-opening-matters-test", "eo_matters");
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        var deployment = engine.getRepositoryService().createDeployment().name("enterprise-opening-matters");
        for (String key : List.of(
                "seal-engraving",
                "tax-deregistration",
                "industry-comprehensive-permit",
                "simple-deregistration",
                "commitment-based-entry-filing")) {
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
        for (String delegate : List.of("componentRegistration", "ratingInvitation")) {
            Mocks.register(delegate, (JavaDelegate)
                    execution -> calls.add(delegate + ":" + execution.getVariable("component")));
        }
        Mocks.register(
                "caseDecision",
                new RecordingDecision(
                        execution -> calls.add("caseApproval:" + execution.getVariable("component")),
                        execution -> calls.add("caseDenial:" + execution.getVariable("component"))));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // one department reviews and registers

    @ParameterizedTest
    @ValueSource(strings = {"seal-engraving", "tax-deregistration", "industry-comprehensive-permit"})
    void aOneDepartmentMatterIsReviewedRegisteredApprovedDeliveredAndRatedOnce(String key) {
        ProcessInstance pi = start(key, Map.of());
        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review");
        assertThat(groups(review)).containsExactly("tax");
        tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVED"));
        runJobs(pi);
        tasks.complete(single(pi).getId());

        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).startsWith("componentRegistration:");
        assertThat(calls.subList(1, 3)).containsExactly("caseApproval:null", "ratingInvitation:null");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("register", "record-approval", "deliver", "completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seal-engraving", "tax-deregistration", "industry-comprehensive-permit"})
    void aRefusedOneDepartmentMatterRegistersNothing(String key) {
        ProcessInstance pi = start(key, Map.of());
        tasks.complete(single(pi).getId(), Map.of("reviewDecision", "DENIED", "reviewComment", "不符合条件"));

        assertThat(calls).containsExactly("caseDenial:null");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("denied").hasNotPassed("register", "deliver");
    }

    // EO-5 简易注销

    @Test
    void theNoticeRunsToItsEndThenTheOfficeDecidesAndDeregisters() {
        Date noticeEndsAt = new Date(System.currentTimeMillis() + 20L * 24 * 3600 * 1000);
        ProcessInstance pi = start("simple-deregistration", Map.of("publicNoticeEndsAt", noticeEndsAt));
        runJobs(pi); // publish the notice
        assertThat(calls).containsExactly("componentRegistration:public-notice");

        Job timer = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()).as("the kernel clock's date, untouched").isEqualTo(noticeEndsAt);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count())
                .isZero();

        ClockUtil.setCurrentTime(new Date(noticeEndsAt.getTime() + 1000));
        management.executeJob(timer.getId());
        Task review = single(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("review-deregistration");
        tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVED"));
        runJobs(pi);
        tasks.complete(single(pi).getId());

        assertThat(calls)
                .containsExactly(
                        "componentRegistration:public-notice",
                        "componentRegistration:deregistration",
                        "caseApproval:null",
                        "ratingInvitation:null");
        BpmnAwareTests.assertThat(pi)
                .isEnded()
                .hasPassed("notice-ended", "completed")
                .hasNotPassed("objection");
    }

    @Test
    void anUpheldObjectionEndsTheSimpleProcedure() {
        ProcessInstance pi = start("simple-deregistration", Map.of("publicNoticeEndsAt", inDays(20)));
        runJobs(pi);
        runtime.createMessageCorrelation("objection-raised")
                .processInstanceId(pi.getId())
                .setVariable("objectionReason", "尚有未清偿债务")
                .correlate();
        Task objection = single(pi);
        assertThat(objection.getTaskDefinitionKey()).isEqualTo("handle-objection");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .timers()
                        .count())
                .as("the notice's timer is gone while the objection is handled")
                .isZero();
        tasks.complete(objection.getId(), Map.of("objectionDecision", "UPHELD", "objectionComment", "债务未清"));

        assertThat(calls).containsExactly("componentRegistration:public-notice", "caseDenial:null");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("denied").hasNotPassed("review-deregistration", "register");
    }

    @Test
    void aDismissedObjectionReturnsToTheNoticeWhoseEndDoesNotMove() {
        Date noticeEndsAt = inDays(20);
        ProcessInstance pi = start("simple-deregistration", Map.of("publicNoticeEndsAt", noticeEndsAt));
        runJobs(pi);
        runtime.createMessageCorrelation("objection-raised")
                .processInstanceId(pi.getId())
                .correlate();
        tasks.complete(single(pi).getId(), Map.of("objectionDecision", "DISMISSED", "objectionComment", "无事实依据"));

        Job timer = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(noticeEndsAt);
        assertThat(calls).doesNotContain("caseDenial:null");
        BpmnAwareTests.assertThat(pi).isNotEnded().isWaitingAt("notice");
        assertThat(runtime.createEventSubscriptionQuery()
                        .processInstanceId(pi.getId())
                        .eventName("objection-raised")
                        .count())
                .as("a further objection can still be raised")
                .isEqualTo(1);
    }

    // EO-8 证照分离

    @Test
    void aCancelledPermitNeedsNoRegistrationOrReview() {
        ProcessInstance pi = start("commitment-based-entry-filing", Map.of("reformPath", "CANCELLED"));
        tasks.complete(single(pi).getId());
        assertThat(calls).containsExactly("caseApproval:null", "ratingInvitation:null");
        BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("review", "register");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FILING", "COMMITMENT"})
    void aFilingOrACommitmentIsRegisteredWithoutReview(String path) {
        ProcessInstance pi = start("commitment-based-entry-filing", Map.of("reformPath", path));
        runJobs(pi);
        tasks.complete(single(pi).getId());
        assertThat(calls)
                .containsExactly(
                        "componentRegistration:operating-permit", "caseApproval:null", "ratingInvitation:null");
        BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("review");
    }

    @Test
    void anOptimisedApprovalIsReviewedFirst() {
        ProcessInstance pi = start("commitment-based-entry-filing", Map.of("reformPath", "OPTIMISED"));
        assertThat(single(pi).getTaskDefinitionKey()).isEqualTo("review");
        tasks.complete(single(pi).getId(), Map.of("reviewDecision", "APPROVED"));
        runJobs(pi);
        tasks.complete(single(pi).getId());
        assertThat(calls)
                .containsExactly(
                        "componentRegistration:operating-permit", "caseApproval:null", "ratingInvitation:null");
    }

    private ProcessInstance start(String key, Map<String, Object> extra) {
        Map<String, Object> vars = new HashMap<>(extra);
        vars.put("caseNumber", "ST-EO-" + System.nanoTime());
        vars.put("jurisdiction", "ST");
        vars.put("reviewDepartment", "tax");
        vars.put("deliveryDepartment", "service-centre");
        vars.put("registrationRetryCycle", "R3/PT1S");
        vars.putIfAbsent("reformPath", "COMMITMENT");
        return runtime.startProcessInstanceByKey(key, vars);
    }

    private Task single(ProcessInstance pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private void runJobs(ProcessInstance pi) {
        for (Job job : management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .executable()
                .messages()
                .list()) {
            management.executeJob(job.getId());
        }
    }

    private static Date inDays(int days) {
        return new Date((System.currentTimeMillis() / 1000) * 1000 + days * 24L * 3600 * 1000);
    }
}
