package org.onewindow.runtime.fakes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.runtime.workflow.model.CaseWorkflow;
import org.onewindow.runtime.workflow.model.WorkItem;

/**
 * The process engine as a recorder: which processes are deployed, which were started with which
 * variables, the human tasks a test puts in place ({@link #addTask}), and every claim, assignment,
 * completion, message and cancellation. It refuses what the engine refuses: starting an undeployed
 * process, claiming a task another holds, completing a task that is not open.
 */
public final class RecordingWorkflow implements CaseWorkflow {

    public record Start(String processKey, String caseNumber, Map<String, Object> variables) {}

    public record Completion(WorkItem task, Map<String, Object> variables) {}

    public record Message(String caseNumber, String message, Map<String, Object> variables) {}

    public record Cancellation(String caseNumber, String reason) {}

    private final Clock clock;
    private final Set<String> deployed = new HashSet<>();
    private final List<Start> starts = new ArrayList<>();
    private final Map<String, WorkItem> tasks = new LinkedHashMap<>();
    private final List<Completion> completions = new ArrayList<>();
    private final Map<String, Set<String>> awaiting = new HashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<Cancellation> cancellations = new ArrayList<>();
    private int nextTask = 1;

    public RecordingWorkflow(Clock clock) {
        this.clock = clock;
    }

    public RecordingWorkflow deploy(String... processKeys) {
        deployed.addAll(List.of(processKeys));
        return this;
    }

    @Override
    public boolean deployed(String processKey) {
        return deployed.contains(processKey);
    }

    @Override
    public void start(String processKey, String caseNumber, Map<String, Object> variables) {
        if (!deployed.contains(processKey)) {
            throw new IllegalStateException("no process deployed with key " + processKey);
        }
        starts.add(new Start(processKey, caseNumber, new HashMap<>(variables)));
    }

    /** Puts a human task of a case in place, unassigned, created now. */
    public WorkItem addTask(String caseNumber, String activity, String jurisdiction, String department) {
        WorkItem task = new WorkItem(
                "task-" + nextTask++, caseNumber, activity, activity, jurisdiction, department, null, clock.instant());
        tasks.put(task.id(), task);
        return task;
    }

    /** The case's process waits for this message (an objection during a 公告). */
    public void awaitMessage(String caseNumber, String message) {
        awaiting.computeIfAbsent(caseNumber, k -> new HashSet<>()).add(message);
    }

    @Override
    public List<WorkItem> openTasks(String jurisdiction, Collection<String> departments) {
        return tasks.values().stream()
                .filter(t -> t.jurisdiction().equals(jurisdiction) && departments.contains(t.department()))
                .sorted(Comparator.comparing(WorkItem::created))
                .toList();
    }

    @Override
    public Optional<WorkItem> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public void claim(String taskId, String username) {
        WorkItem task = open(taskId);
        if (task.assignee() != null && !task.assignee().equals(username)) {
            throw new IllegalStateException("task " + taskId + " is already claimed by " + task.assignee());
        }
        tasks.put(taskId, withAssignee(task, username));
    }

    @Override
    public void assign(String taskId, String username) {
        tasks.put(taskId, withAssignee(open(taskId), username));
    }

    @Override
    public List<WorkItem> tasksOf(String caseNumber) {
        return tasks.values().stream()
                .filter(t -> t.caseNumber().equals(caseNumber))
                .toList();
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        WorkItem task = open(taskId);
        tasks.remove(taskId);
        completions.add(new Completion(task, new HashMap<>(variables)));
    }

    @Override
    public boolean deliver(String caseNumber, String message, Map<String, Object> variables) {
        Set<String> waits = awaiting.getOrDefault(caseNumber, Set.of());
        if (!waits.contains(message)) {
            return false;
        }
        waits.remove(message);
        messages.add(new Message(caseNumber, message, new HashMap<>(variables)));
        return true;
    }

    @Override
    public void cancel(String caseNumber, String reason) {
        tasks.values().removeIf(t -> t.caseNumber().equals(caseNumber));
        awaiting.remove(caseNumber);
        cancellations.add(new Cancellation(caseNumber, reason));
    }

    // what a test may look at

    public List<Start> starts() {
        return List.copyOf(starts);
    }

    public List<Completion> completions() {
        return List.copyOf(completions);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Cancellation> cancellations() {
        return List.copyOf(cancellations);
    }

    private WorkItem open(String taskId) {
        WorkItem task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalStateException("no open task " + taskId);
        }
        return task;
    }

    private static WorkItem withAssignee(WorkItem t, String assignee) {
        return new WorkItem(
                t.id(),
                t.caseNumber(),
                t.activity(),
                t.name(),
                t.jurisdiction(),
                t.department(),
                assignee,
                t.created());
    }
}
