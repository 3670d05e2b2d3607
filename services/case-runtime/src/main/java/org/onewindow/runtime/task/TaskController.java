package org.onewindow.runtime.task;

import java.util.List;
import org.onewindow.kernel.security.model.Caller;
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

    TaskController(TaskWork work, UnitOfWork unit) {
        this.work = work;
        this.unit = unit;
    }

    @GetMapping
    List<WorkItem> mine(Caller caller) {
        return work.inbox(caller);
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
