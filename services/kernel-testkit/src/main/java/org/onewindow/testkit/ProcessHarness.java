package org.onewindow.testkit;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs a case's BPMN with the service's real beans, step by step: in a test whose job executor is
 * off ({@code camunda.bpm.job-execution.enabled=false}), the test decides when asynchronous steps
 * run, and sees where the process waits. For a service test, with the engine of its context.
 */
public final class ProcessHarness {

    private final RuntimeService runtime;
    private final ManagementService management;

    public ProcessHarness(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
    }

    /** Runs the case's due jobs until none is left (or {@code limit} ran); returns how many ran. */
    public int runJobs(String caseNumber, int limit) {
        int ran = 0;
        while (ran < limit) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(instance(caseNumber).getId())
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return ran;
            }
            management.executeJob(due.get(0).getId());
            ran++;
        }
        return ran;
    }

    /** The activities where the case's process waits now (tasks, timers, messages, jobs). */
    public List<String> waitingAt(String caseNumber) {
        return runtime.getActiveActivityIds(instance(caseNumber).getId());
    }

    /** Whether the case's process has ended. */
    public boolean ended(String caseNumber) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .count()
                == 0;
    }

    private ProcessInstance instance(String caseNumber) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .singleResult();
        if (instance == null) {
            throw new IllegalStateException("no running process for case " + caseNumber);
        }
        return instance;
    }
}
