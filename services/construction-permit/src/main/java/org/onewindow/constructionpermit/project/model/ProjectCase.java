package org.onewindow.constructionpermit.project.model;

import java.time.Instant;

/**
 * One permit case of a project, with the stage its matter belongs to (null for a matter outside
 * the stages) and where the case stands.
 */
public record ProjectCase(
        String caseNumber, String matterCode, ProjectStage stage, String status, Instant acceptedAt, Instant dueAt) {

    public boolean inProgress() {
        return "IN_PROGRESS".equals(status);
    }
}
