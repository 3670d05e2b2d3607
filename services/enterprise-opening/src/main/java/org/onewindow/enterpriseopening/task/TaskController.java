package org.onewindow.enterpriseopening.task;

import java.util.List;
import org.onewindow.enterpriseopening.workflow.model.Retries;
import org.onewindow.enterpriseopening.workflow.model.WorkItem;
import org.onewindow.kernel.security.model.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The task list of a department: {@code /api/v1/enterprise-opening/tasks}. */
@RestController
@RequestMapping("/api/v1/enterprise-opening/tasks")
class TaskController {

    private final TaskWork work;

    TaskController(TaskWork work) {
        this.work = work;
    }

    @GetMapping
    List<WorkItem> mine(Caller caller) {
        return work.mine(caller);
    }

    @PostMapping("/{taskId}/claim")
    ResponseEntity<Void> claim(Caller caller, @PathVariable String taskId) {
        Retries.onConcurrentChange(() -> work.claim(caller, taskId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    ResponseEntity<Void> complete(
            Caller caller, @PathVariable String taskId, @RequestBody(required = false) TaskWork.Completion completion) {
        Retries.onConcurrentChange(() -> work.complete(caller, taskId, completion));
        return ResponseEntity.noContent().build();
    }
}
