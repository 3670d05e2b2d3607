package org.onewindow.constructionpermit.project.model;

import java.util.List;
import java.util.Optional;
import org.onewindow.kernel.problem.model.Rejection;

/**
 * A project holds one permit per matter: an application for a matter the project already has a
 * case of, in progress or granted, is a duplicate (重复申请). A refused or withdrawn case may be
 * applied for again. With staged construction permits (分段施工许可) each section is a permit of
 * its own; a whole-project permit covers every section, so it and a section exclude each other.
 */
public final class PermitRule {

    private PermitRule() {}

    /** Why the project cannot have another case of this matter (for this section), if it cannot. */
    public static Optional<Rejection> check(
            Optional<Project> project, String matterCode, Optional<ConstructionSection> section) {
        if (project.isEmpty()) {
            return Optional.empty();
        }
        List<ProjectCase> held = project.get().cases().stream()
                .filter(c -> c.matterCode().equals(matterCode) && c.held() && c.overlaps(section))
                .toList();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        ProjectCase first = held.get(0);
        String covers =
                first.section() == null ? "整个项目" : "施工段“" + first.section().zh() + "”";
        return Optional.of(Rejection.conflict(
                section.isPresent() ? "project.section-held" : "project.permit-held",
                "项目已有该事项的办件 " + first.caseNumber() + "（" + covers + "，" + first.statusZh()
                        + "），不能重复申请"
                        + (section.isPresent() || first.section() != null ? "；分段办理的，每个施工段只申请一次" : ""),
                "the project already holds " + matterCode + " as case " + first.caseNumber()
                        + (first.section() == null
                                ? ""
                                : " for section " + first.section().id())));
    }
}
