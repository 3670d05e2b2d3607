package org.onewindow.constructionpermit.project.model;

import java.util.List;
import java.util.Optional;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * The order of the four stages: a project enters a stage only from the one before it, and only
 * once every case of the earlier stages is decided. A project's first application may enter at
 * any stage (its earlier permits were issued before it came to this platform, and the matter's
 * materials ask for them).
 */
public final class StageRule {

    private StageRule() {}

    /** Why the project cannot have a case of {@code stage} now, if it cannot. */
    public static Optional<Rejection> check(Optional<Project> project, Optional<ProjectStage> stage) {
        if (project.isEmpty() || stage.isEmpty()) {
            return Optional.empty();
        }
        ProjectStage now = project.get().stage();
        ProjectStage wanted = stage.get();
        if (wanted.ordinal() > now.ordinal() + 1) {
            ProjectStage next = ProjectStage.values()[now.ordinal() + 1];
            return Optional.of(Rejection.conflict(
                    "project.stage-skipped",
                    "项目尚处于" + now.zh() + "阶段，须先办理" + next.zh() + "阶段的审批，才能申请" + wanted.zh() + "阶段事项",
                    "the project is in stage " + now.id() + "; stage " + next.id() + " comes before " + wanted.id()));
        }
        List<ProjectCase> open = project.get().openBefore(wanted);
        if (now.before(wanted) && !open.isEmpty()) {
            return Optional.of(Rejection.conflict(
                    "project.stage-open",
                    "项目" + now.zh() + "阶段尚有在办事项（"
                            + String.join(
                                    "、",
                                    open.stream().map(ProjectCase::caseNumber).toList())
                            + "），办结后方可申请" + wanted.zh() + "阶段事项",
                    "cases of an earlier stage are still open: "
                            + open.stream().map(ProjectCase::caseNumber).toList()));
        }
        return Optional.empty();
    }
}
