package org.onewindow.runtime.workflow.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the process engine. Everything the service asks of BPMN goes through here, so the
 * engine (Camunda 7 today, its fork Operaton tomorrow) is one adapter away.
 */
public interface CaseWorkflow {

    /** Whether a process for this key is deployed (a matter may be catalogued before it is modelled). */
    boolean deployed(String processKey);

    /** Starts the matter's process for a case; the case number is the business key. */
    void start(String processKey, String caseNumber, Map<String, Object> variables);

    /** Open tasks of a jurisdiction for the given departments (candidate groups), oldest first. */
    List<WorkItem> openTasks(String jurisdiction, Collection<String> departments);

    Optional<WorkItem> task(String taskId);

    void claim(String taskId, String username);

    /** Hands a task to another person (转办), or back to the group with {@code null}. */
    void assign(String taskId, String username);

    /** The open tasks of one case. */
    List<WorkItem> tasksOf(String caseNumber);

    void complete(String taskId, Map<String, Object> variables);

    /**
     * Delivers a message the case's process waits for (an objection during a 公告); false when the
     * process is not waiting for it.
     */
    boolean deliver(String caseNumber, String message, Map<String, Object> variables);

    /** Ends a case's process early (withdrawal), with the reason kept in the engine's history. */
    void cancel(String caseNumber, String reason);
}
