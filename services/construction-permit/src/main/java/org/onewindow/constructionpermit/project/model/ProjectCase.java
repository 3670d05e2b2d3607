package org.onewindow.constructionpermit.project.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One permit case of a project, with the stage its matter belongs to (null for a matter outside
 * the stages), the construction section a staged permit covers (null: the whole project) and
 * where the case stands.
 */
public record ProjectCase(
        String caseNumber,
        String matterCode,
        ProjectStage stage,
        String status,
        Instant acceptedAt,
        Instant dueAt,
        ConstructionSection section) {

    public boolean inProgress() {
        return "IN_PROGRESS".equals(status);
    }

    /** In progress or granted: the project holds the permit (refused and withdrawn ones it does not). */
    public boolean held() {
        return !"DENIED".equals(status) && !"WITHDRAWN".equals(status);
    }

    /** Whether this case and a permit for {@code wanted} (empty: the whole project) cover the same works. */
    public boolean overlaps(Optional<ConstructionSection> wanted) {
        return section == null || wanted.isEmpty() || wanted.get() == section;
    }

    String statusZh() {
        return inProgress() ? "在办" : "已办结";
    }
}
