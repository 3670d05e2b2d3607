package org.onewindow.enterpriseopening.task;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.enterpriseopening.casefile.infrastructure.JdbcCaseFiles;
import org.onewindow.enterpriseopening.clock.ClockKeeper;
import org.onewindow.enterpriseopening.workflow.model.CaseWorkflow;
import org.onewindow.enterpriseopening.workflow.model.WorkItem;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's human steps: the approver's licence review (营业执照审核) and the window's
 * delivery (统一出件). Staff see and work only tasks of their own jurisdiction and department.
 */
@Service
class TaskWork {

    static final String DELIVER = "deliver";
    /** An objection raised during 简易注销's notice: upheld ends the simple procedure. */
    static final String OBJECTION = "handle-objection";

    private final CaseWorkflow workflow;
    private final JdbcCaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final Clock clock;

    TaskWork(CaseWorkflow workflow, JdbcCaseFiles cases, CaseJournal journal, ClockKeeper clocks, Clock clock) {
        this.workflow = workflow;
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** A decision on a task: APPROVED or DENIED for a review, the delivery channel for a delivery. */
    record Completion(String decision, String comment, String channel) {}

    List<WorkItem> mine(Caller caller) {
        if (!caller.isStaff() || caller.jurisdiction() == null || caller.department() == null) {
            return List.of();
        }
        return workflow.openTasks(caller.jurisdiction(), List.of(caller.department()));
    }

    @Transactional
    void claim(Caller caller, String taskId) {
        WorkItem task = workable(caller, taskId);
        if (task.assignee() != null && !task.assignee().equals(caller.username())) {
            throw Rejection.conflict(
                    "task.claimed", "该任务已由 " + task.assignee() + " 认领", "already claimed by " + task.assignee());
        }
        workflow.claim(taskId, caller.username());
        journal.record(caller, "task.claim", task.caseNumber(), task.jurisdiction(), task.activity(), null, Map.of());
    }

    @Transactional
    void complete(Caller caller, String taskId, Completion completion) {
        WorkItem task = workable(caller, taskId);
        if (DELIVER.equals(task.activity())) {
            deliver(caller, task, completion);
        } else if (OBJECTION.equals(task.activity())) {
            decide(caller, task, completion, List.of("UPHELD", "DISMISSED"), "objection");
        } else {
            // every other human step of the models is a review: review-business-licence, review, …
            decide(caller, task, completion, List.of("APPROVED", "DENIED"), "review");
        }
    }

    /** A decision among {@code allowed}; the first ends the case's way forward, so it needs a reason. */
    private void decide(Caller caller, WorkItem task, Completion completion, List<String> allowed, String kind) {
        String decision = completion == null ? null : completion.decision();
        if (!allowed.contains(decision)) {
            throw Rejection.invalid(FieldViolation.of(
                    "decision", "decision.invalid", "结论应为以下之一：" + allowed, "decision must be one of " + allowed));
        }
        boolean adverse = "DENIED".equals(decision) || "UPHELD".equals(decision);
        if (adverse && blank(completion.comment())) {
            throw Rejection.invalid(FieldViolation.of(
                    "comment", "comment.missing", "须在 comment 中写明理由", "give the reason in the comment"));
        }
        journal.record(
                caller,
                task.activity(),
                task.caseNumber(),
                task.jurisdiction(),
                completion.comment(),
                "case.step-completed",
                Map.of("step", task.activity(), "outcome", decision, "completedBy", caller.username()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(kind + "Decision", decision);
        vars.put(kind + "Comment", completion.comment());
        workflow.complete(task.id(), vars);
    }

    private void deliver(Caller caller, WorkItem task, Completion completion) {
        String channel = completion == null || completion.channel() == null ? "WINDOW" : completion.channel();
        if (!List.of("WINDOW", "POST", "E_LICENCE").contains(channel)) {
            throw Rejection.invalid(FieldViolation.of(
                    "channel",
                    "channel.invalid",
                    "出件方式应为 WINDOW、POST 或 E_LICENCE",
                    "channel must be WINDOW, POST or E_LICENCE"));
        }
        if (!cases.delivered(task.caseNumber(), clock.instant())) {
            throw Rejection.conflict("case.not-approved", "办件尚未办结，不能出件", "the case is not approved yet");
        }
        clocks.stop(task.caseNumber(), EnumSet.allOf(ClockKind.class), clock.instant());
        journal.record(
                caller,
                "case.deliver",
                task.caseNumber(),
                task.jurisdiction(),
                null,
                "case.delivered",
                Map.of("channel", channel));
        workflow.complete(task.id(), Map.of("deliveryChannel", channel));
    }

    /** The task if the caller may work it; 404 if it does not exist, 403 if it is not theirs. */
    private WorkItem workable(Caller caller, String taskId) {
        WorkItem task = workflow.task(taskId)
                .orElseThrow(() ->
                        Rejection.notFound("task.unknown", "taskId", "未找到任务 " + taskId, "no open task " + taskId));
        Role needed = DELIVER.equals(task.activity()) ? Role.CLERK : Role.APPROVER;
        boolean allowed = caller.has(needed)
                && task.jurisdiction() != null
                && task.jurisdiction().equals(caller.jurisdiction())
                && task.department() != null
                && task.department().equals(caller.department());
        if (!allowed) {
            throw Rejection.forbidden(
                    "该任务属于" + task.jurisdiction() + "的" + task.department() + "，您无权办理",
                    "this task belongs to " + task.department() + " in " + task.jurisdiction());
        }
        return task;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
