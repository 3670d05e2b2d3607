package org.onewindow.runtime.workflow.infrastructure;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.onewindow.runtime.workflow.model.CaseWorkflow;
import org.onewindow.runtime.workflow.model.ConcurrentCaseChange;
import org.onewindow.runtime.workflow.model.WorkItem;

/** The Camunda 7 adapter of {@link CaseWorkflow}; the only class that calls the engine's services. */
public class CamundaCaseWorkflow implements CaseWorkflow {

    static final String JURISDICTION = "jurisdiction";
    static final String CASE_NUMBER = "caseNumber";

    /** Ids per IN list: well below what PostgreSQL and the engine's SQL take at once. */
    private static final int CHUNK = 1000;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    /**
     * The latest definition of each process key, by id. Models are deployed when the service starts
     * and never undeployed while it runs, so a key once found stays found, and starting by id spares
     * the engine its "latest version of this key" query on every intake (starting by key asks the
     * database each time; by id it is a cache hit). A key not found is asked again: it may be
     * deployed later. A version deployed by another instance of the service after this one started
     * is not picked up until this one restarts, which is also when its code would change.
     */
    private final Map<String, String> latestDefinitions = new ConcurrentHashMap<>();

    public CamundaCaseWorkflow(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public boolean deployed(String processKey) {
        return latestDefinition(processKey).isPresent();
    }

    @Override
    public void start(String processKey, String caseNumber, Map<String, Object> variables) {
        Optional<String> definition = latestDefinition(processKey);
        if (definition.isPresent()) {
            runtime.startProcessInstanceById(definition.get(), caseNumber, variables);
        } else {
            // the engine's own refusal, with its message, as before
            runtime.startProcessInstanceByKey(processKey, caseNumber, variables);
        }
    }

    private Optional<String> latestDefinition(String processKey) {
        // a key not found maps to nothing and is asked again next time
        return Optional.ofNullable(latestDefinitions.computeIfAbsent(processKey, key -> {
            ProcessDefinition latest = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(key)
                    .latestVersion()
                    .singleResult();
            return latest == null ? null : latest.getId();
        }));
    }

    @Override
    public List<WorkItem> openTasks(String jurisdiction, Collection<String> departments) {
        if (departments.isEmpty()) {
            return List.of();
        }
        List<Task> found = tasks.createTaskQuery()
                .taskCandidateGroupIn(List.copyOf(departments))
                .includeAssignedTasks()
                .processVariableValueEquals(JURISDICTION, jurisdiction)
                .orderByTaskCreateTime()
                .asc()
                .list();
        // an inbox is one query for the tasks and one per thousand for their case numbers, not two
        // queries a task: at 175,000 open tasks the per-task reads took minutes
        Map<String, String> caseNumbers = caseNumbersOf(found);
        String only = departments.size() == 1 ? departments.iterator().next() : null;
        return found.stream()
                .map(task -> new WorkItem(
                        task.getId(),
                        caseNumbers.get(task.getProcessInstanceId()),
                        task.getTaskDefinitionKey(),
                        task.getName(),
                        jurisdiction,
                        only != null ? only : departmentOf(task),
                        task.getAssignee(),
                        task.getCreateTime().toInstant()))
                .toList();
    }

    /** The case number of each task's process instance, read in chunks. */
    private Map<String, String> caseNumbersOf(List<Task> found) {
        List<String> instances =
                found.stream().map(Task::getProcessInstanceId).distinct().toList();
        Map<String, String> out = new HashMap<>();
        for (int from = 0; from < instances.size(); from += CHUNK) {
            String[] chunk = instances
                    .subList(from, Math.min(from + CHUNK, instances.size()))
                    .toArray(String[]::new);
            for (VariableInstance v : runtime.createVariableInstanceQuery()
                    .variableName(CASE_NUMBER)
                    .processInstanceIdIn(chunk)
                    .disableCustomObjectDeserialization()
                    .list()) {
                // the process instance's own variable wins over a same-named one of an inner scope
                if (v.getValue() != null
                        && (v.getExecutionId().equals(v.getProcessInstanceId())
                                || !out.containsKey(v.getProcessInstanceId()))) {
                    out.put(v.getProcessInstanceId(), v.getValue().toString());
                }
            }
        }
        return out;
    }

    private String departmentOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .findFirst()
                .orElse(null);
    }

    @Override
    public Optional<WorkItem> task(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
                .map(this::workItem);
    }

    @Override
    public void claim(String taskId, String username) {
        guarded(() -> tasks.claim(taskId, username));
    }

    @Override
    public void assign(String taskId, String username) {
        guarded(() -> tasks.setAssignee(taskId, username));
    }

    @Override
    public List<WorkItem> tasksOf(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .map(this::workItem)
                .toList();
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        guarded(() -> tasks.complete(taskId, variables));
    }

    @Override
    public boolean deliver(String caseNumber, String message, Map<String, Object> variables) {
        // ask first: a failed correlation marks the surrounding transaction rollback-only, and the
        // caller's change (a 补齐 no model waits for) must still commit
        boolean waiting = runtime.createExecutionQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
        if (!waiting) {
            return false;
        }
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(variables)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException notWaiting) {
            return false;
        } catch (OptimisticLockingException e) {
            throw new ConcurrentCaseChange(e.getMessage(), e);
        }
    }

    @Override
    public void cancel(String caseNumber, String reason) {
        guarded(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), reason)));
    }

    private static void guarded(Runnable engineCall) {
        try {
            engineCall.run();
        } catch (OptimisticLockingException e) {
            throw new ConcurrentCaseChange(e.getMessage(), e);
        }
    }

    private WorkItem workItem(Task task) {
        String department = departmentOf(task);
        Map<String, Object> vars = runtime.getVariables(task.getExecutionId(), List.of(CASE_NUMBER, JURISDICTION));
        return new WorkItem(
                task.getId(),
                (String) vars.get(CASE_NUMBER),
                task.getTaskDefinitionKey(),
                task.getName(),
                (String) vars.get(JURISDICTION),
                department,
                task.getAssignee(),
                task.getCreateTime().toInstant());
    }
}
