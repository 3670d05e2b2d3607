package org.onewindow.utilityhookup.joint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.events.CaseEvent;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.casefile.model.CaseLink;
import org.onewindow.runtime.consumer.CaseEventHandler;
import org.onewindow.runtime.workflow.model.CaseWorkflow;
import org.springframework.stereotype.Component;

/**
 * 联合报装 is done when all its component cases are: each component that ends (delivered, denied
 * or withdrawn, as this service's own events say) looks at its siblings, and the last one lets the
 * joint case go on to 办结. A repeated event finds the joint case no longer waiting and does
 * nothing.
 */
@Component
class JointCompletion implements CaseEventHandler {

    static final String MESSAGE = "components-done";

    private final CaseFiles cases;
    private final CaseWorkflow workflow;

    JointCompletion(CaseFiles cases, CaseWorkflow workflow) {
        this.cases = cases;
        this.workflow = workflow;
    }

    @Override
    public String name() {
        return "joint-completion";
    }

    @Override
    public String topic() {
        return OwningService.UTILITY_HOOKUP.topic();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("case.delivered", "case.decided", "case.withdrawn");
    }

    @Override
    public void handle(CaseEvent event) {
        Optional<String> joint = cases.find(event.subject())
                .filter(f -> f.status().closed())
                .flatMap(f -> linked(f, CaseLink.Kind.PART_OF).stream().findFirst());
        if (joint.isEmpty()) {
            return;
        }
        List<String> components = cases.find(joint.get())
                .map(f -> linked(f, CaseLink.Kind.COMPONENT))
                .orElse(List.of());
        boolean allDone = components.stream()
                .allMatch(c -> cases.find(c).map(f -> f.status().closed()).orElse(false));
        if (allDone) {
            workflow.deliver(joint.get(), MESSAGE, Map.of());
        }
    }

    private static List<String> linked(CaseFile file, CaseLink.Kind kind) {
        return file.links().stream()
                .filter(l -> l.kind() == kind)
                .map(CaseLink::otherCase)
                .toList();
    }
}
