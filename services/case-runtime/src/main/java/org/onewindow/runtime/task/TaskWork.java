package org.onewindow.runtime.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.kernel.clock.model.ClockKind;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.clock.ClockKeeper;
import org.onewindow.runtime.workflow.model.CaseWorkflow;
import org.onewindow.runtime.workflow.model.WorkItem;

/**
 * The back office's human steps: reviews (审核) by approvers, objections during a 公告, and the
 * window's delivery (统一出件). Staff see and work only tasks of their own jurisdiction and
 * department (the kernel's {@link AccessPolicy}). Call each change inside one transaction.
 */
public class TaskWork {

    /** 统一出件: the window hands the result over. */
    public static final String DELIVER = "deliver";
    /** An objection raised during a 公告: upheld ends the simple procedure. */
    public static final String OBJECTION = "handle-objection";

    private final CaseWorkflow workflow;
    private final CaseFiles cases;
    private final CaseJournal journal;
    private final ClockKeeper clocks;
    private final AccessPolicy access;
    private final Clock clock;
    private final Map<String, Role> taskRoles;
    private final Set<String> reasonedTasks;

    /**
     * @param taskRoles activity → the role whose staff work it where it is not an approver's (the
     *     window's delivery is a clerk's; a 督办's close is a supervisor's)
     * @param reasonedTasks activities whose result is what the comment says (a department's response
     *     to a 督办, a 回访), so it is never empty
     */
    public TaskWork(
            CaseWorkflow workflow,
            CaseFiles cases,
            CaseJournal journal,
            ClockKeeper clocks,
            AccessPolicy access,
            Clock clock,
            Map<String, Role> taskRoles,
            Set<String> reasonedTasks) {
        this.workflow = workflow;
        this.cases = cases;
        this.journal = journal;
        this.clocks = clocks;
        this.access = access;
        this.clock = clock;
        Map<String, Role> roles = new HashMap<>(taskRoles);
        roles.putIfAbsent(DELIVER, Role.CLERK);
        this.taskRoles = Map.copyOf(roles);
        this.reasonedTasks = Set.copyOf(reasonedTasks);
    }

    /** A decision on a task: APPROVED or DENIED for a review, the delivery channel for a delivery. */
    public record Completion(String decision, String comment, String channel) {}

    /** 转办: who takes the task over, and why. */
    public record Reassignment(String assignee, String reason) {}

    /** The inbox: open tasks of the caller's jurisdiction and department that the caller's role works. */
    public List<WorkItem> inbox(Caller caller) {
        if (!caller.isStaff() || caller.jurisdiction() == null || caller.department() == null) {
            return List.of();
        }
        // a clerk and a supervisor of the service centre share its tasks' group, not their work
        return workflow.openTasks(caller.jurisdiction(), List.of(caller.department())).stream()
                .filter(task -> caller.has(roleFor(task)))
                .toList();
    }

    /** A task of the inbox with its case and where the case's approval clock stands. */
    public record Queued(WorkItem task, CaseFile file, ClockKeeper.Standing standing) {

        Instant dueAt() {
            return standing == null ? null : standing.due().at();
        }
    }

    /** 待办: the inbox with each task's case, the most urgent first (least time left; no limit last). */
    public List<Queued> queue(Caller caller) {
        Instant now = clock.instant();
        List<WorkItem> tasks = inbox(caller);
        // three reads for the whole inbox, however long it is
        Set<String> numbers = tasks.stream().map(WorkItem::caseNumber).collect(Collectors.toSet());
        Map<String, CaseFile> files = cases.summaries(numbers);
        Map<String, ClockKeeper.Standing> standings = clocks.approvalStandings(numbers, now);
        return tasks.stream()
                .filter(task -> files.containsKey(task.caseNumber()))
                .map(task -> new Queued(task, files.get(task.caseNumber()), standings.get(task.caseNumber())))
                .sorted(Comparator.comparing(Queued::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(q -> q.task().created()))
                .toList();
    }

    public void claim(Caller caller, String taskId) {
        WorkItem task = workable(caller, taskId);
        if (task.assignee() != null && !task.assignee().equals(caller.username())) {
            throw Rejection.conflict(
                    "task.claimed", "该任务已由 " + task.assignee() + " 认领", "already claimed by " + task.assignee());
        }
        workflow.claim(taskId, caller.username());
        journal.record(caller, "task.claim", task.caseNumber(), task.jurisdiction(), task.activity(), null, Map.of());
    }

    /**
     * 转办: a colleague of the same department (or a supervisor of the jurisdiction) hands the task to
     * another person of the department, or back to the group with no assignee; the reason is audited.
     */
    public void reassign(Caller caller, String taskId, Reassignment reassignment) {
        WorkItem task = found(taskId);
        boolean colleague = access.canWorkTask(caller, roleFor(task), task.jurisdiction(), task.department());
        boolean supervisor = caller.has(Role.SUPERVISOR) && access.sameJurisdiction(caller, task.jurisdiction());
        if (!colleague && !supervisor) {
            throw notYours(task);
        }
        if (reassignment == null
                || reassignment.reason() == null
                || reassignment.reason().isBlank()) {
            throw Rejection.invalid(
                    FieldViolation.of("reason", "reason.missing", "请写明转办理由", "give the reason for reassigning"));
        }
        String assignee =
                reassignment.assignee() == null || reassignment.assignee().isBlank() ? null : reassignment.assignee();
        workflow.assign(taskId, assignee);
        Map<String, Object> details = new HashMap<>();
        details.put("activity", task.activity());
        details.put("from", task.assignee() == null ? "" : task.assignee());
        details.put("to", assignee == null ? "" : assignee);
        journal.record(
                caller, "task.reassign", task.caseNumber(), task.jurisdiction(), reassignment.reason(), null, details);
    }

    public void complete(Caller caller, String taskId, Completion completion) {
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

    /** A decision among {@code allowed}; the adverse one ends the case's way forward, so it needs a reason. */
    private void decide(Caller caller, WorkItem task, Completion completion, List<String> allowed, String kind) {
        String decision = completion == null ? null : completion.decision();
        if (decision == null || !allowed.contains(decision)) {
            throw Rejection.invalid(FieldViolation.of(
                    "decision", "decision.invalid", "结论应为以下之一：" + allowed, "decision must be one of " + allowed));
        }
        boolean adverse = "DENIED".equals(decision) || "UPHELD".equals(decision);
        boolean silent = completion.comment() == null || completion.comment().isBlank();
        if (adverse && silent) {
            throw Rejection.invalid(FieldViolation.of(
                    "comment", "comment.missing", "不予许可或认定异议成立，须写明理由", "give the reason in the comment"));
        }
        if (silent && reasonedTasks.contains(task.activity())) {
            throw Rejection.invalid(FieldViolation.of(
                    "comment",
                    "comment.missing",
                    "请填写" + task.name() + "的情况或理由",
                    "say what " + task.activity() + " found or why"));
        }
        journal.record(
                caller,
                task.activity(),
                task.caseNumber(),
                task.jurisdiction(),
                completion.comment(),
                "case.step-completed",
                stepCompleted(task, decision, caller));
        Map<String, Object> vars = new HashMap<>();
        vars.put(kind + "Decision", decision);
        vars.put(kind + "Comment", completion.comment());
        workflow.complete(task.id(), vars);
    }

    /** case.step-completed, with when the task was created so the step's duration can be measured. */
    private static Map<String, Object> stepCompleted(WorkItem task, String outcome, Caller caller) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", task.activity());
        data.put("outcome", outcome);
        data.put("completedBy", caller.username());
        if (task.created() != null) {
            data.put("startedAt", task.created().toString());
        }
        return data;
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
        CaseFile file = cases.find(task.caseNumber())
                .orElseThrow(() -> new IllegalStateException("task of a missing case " + task.caseNumber()));
        if (!cases.transition(file, file.deliver(clock.instant()))) {
            throw Rejection.conflict("case.busy", "办件正在处理中，请稍后重试", "the case changed meanwhile; try again");
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
        WorkItem task = found(taskId);
        if (!access.canWorkTask(caller, roleFor(task), task.jurisdiction(), task.department())) {
            throw notYours(task);
        }
        return task;
    }

    private WorkItem found(String taskId) {
        return workflow.task(taskId)
                .orElseThrow(() ->
                        Rejection.notFound("task.unknown", "taskId", "未找到任务 " + taskId, "no open task " + taskId));
    }

    /** The window delivers; a task configured for another role is that role's; every other is an approver's. */
    private Role roleFor(WorkItem task) {
        return taskRoles.getOrDefault(task.activity(), Role.APPROVER);
    }

    private static Rejection notYours(WorkItem task) {
        return Rejection.forbidden(
                "该任务属于" + task.jurisdiction() + "的" + task.department() + "，您无权办理",
                "this task belongs to " + task.department() + " in " + task.jurisdiction());
    }
}
