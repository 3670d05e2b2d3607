package org.onewindow.runtime.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.runtime.casefile.model.CaseNotices;
import org.onewindow.runtime.workflow.model.UnitOfWork;
import org.onewindow.runtime.workflow.model.WorkItem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The task list of a department: {@code /api/v1/<service>/tasks}. */
@RestController
@RequestMapping("/api/v1/${onewindow.service}/tasks")
public class TaskController {

    private final TaskWork work;
    private final UnitOfWork unit;
    private final CaseNotices notices;
    private final ZoneId zone;

    TaskController(TaskWork work, UnitOfWork unit, CaseNotices notices, PromisedDates dates) {
        this.work = work;
        this.unit = unit;
        this.notices = notices;
        this.zone = dates.zone();
    }

    /**
     * One task of the inbox (待办): the task, its case, and the case's approval clock (when it runs
     * out, GREEN/YELLOW/RED or PAUSED), the most urgent first; {@code supervised} when the
     * supervision service has sent a 督办 or 整改 notice about the case.
     */
    record TaskLine(
            String id,
            String caseNumber,
            String activity,
            String name,
            String jurisdiction,
            String department,
            String assignee,
            OffsetDateTime created,
            String matterCode,
            String applicantName,
            String caseStatus,
            OffsetDateTime dueAt,
            String level,
            boolean supervised) {}

    @GetMapping
    List<TaskLine> mine(Caller caller) {
        List<TaskWork.Queued> queue = work.queue(caller);
        Set<String> supervised =
                notices.noticed(queue.stream().map(q -> q.task().caseNumber()).collect(Collectors.toSet()));
        return queue.stream()
                .map(q -> line(q, supervised.contains(q.task().caseNumber())))
                .toList();
    }

    private TaskLine line(TaskWork.Queued q, boolean supervised) {
        WorkItem t = q.task();
        return new TaskLine(
                t.id(),
                t.caseNumber(),
                t.activity(),
                t.name(),
                t.jurisdiction(),
                t.department(),
                t.assignee(),
                at(t.created()),
                q.file().matterCode(),
                q.file().applicant().name(),
                q.file().status().name(),
                q.standing() == null ? null : at(q.standing().due().at()),
                q.standing() == null ? null : q.standing().level().name(),
                supervised);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    @PostMapping("/{taskId}/claim")
    ResponseEntity<Void> claim(Caller caller, @PathVariable String taskId) {
        unit.run(() -> work.claim(caller, taskId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/reassign")
    ResponseEntity<Void> reassign(
            Caller caller,
            @PathVariable String taskId,
            @RequestBody(required = false) TaskWork.Reassignment reassignment) {
        unit.run(() -> work.reassign(caller, taskId, reassignment));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    ResponseEntity<Void> complete(
            Caller caller, @PathVariable String taskId, @RequestBody(required = false) TaskWork.Completion completion) {
        unit.run(() -> work.complete(caller, taskId, completion));
        return ResponseEntity.noContent().build();
    }
}
