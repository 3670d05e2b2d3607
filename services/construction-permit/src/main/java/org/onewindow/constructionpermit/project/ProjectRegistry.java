package org.onewindow.constructionpermit.project;

import java.util.Map;
import java.util.Optional;
import org.onewindow.constructionpermit.project.model.ConstructionSection;
import org.onewindow.constructionpermit.project.model.Project;
import org.onewindow.constructionpermit.project.model.ProjectDetails;
import org.onewindow.constructionpermit.project.model.ProjectStage;
import org.onewindow.constructionpermit.project.model.Projects;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.extension.CaseOpenedListener;
import org.springframework.stereotype.Component;

/**
 * Each opened construction case joins its project, in the intake's transaction: the project's
 * first application registers it (and starts its whole-process clock); a case of a later stage
 * moves the project on. Both are audited under the project's code.
 */
@Component
class ProjectRegistry implements CaseOpenedListener {

    private final Projects projects;
    private final AuditTrail audit;

    ProjectRegistry(Projects projects, AuditTrail audit) {
        this.projects = projects;
        this.audit = audit;
    }

    @Override
    public void opened(CaseFile file, Matter matter, Application application) {
        ProjectDetails details = ProjectDetails.read(application.data());
        Optional<ProjectStage> stage = ProjectStage.of(matter.stage());
        Optional<Project> existing = projects.find(details.code());
        if (existing.isEmpty()) {
            Project project = Project.register(
                    details,
                    file.jurisdiction(),
                    file.applicant().uscc(),
                    file.applicantSubject(),
                    stage.orElse(ProjectStage.LAND_USE_PLANNING),
                    file.acceptedAt());
            if (projects.register(project)) {
                record(
                        file,
                        details.code(),
                        "project.register",
                        Map.of("category", details.category().id()));
            }
        }
        projects.attach(
                details.code(),
                file.caseNumber(),
                matter.code(),
                stage.orElse(null),
                details.givenSection().orElse(null));
        // a new project starts at its first matter's stage; an existing one only ever moves on
        existing.filter(p -> stage.isPresent() && p.stage().before(stage.get()))
                .ifPresent(p -> projects.advance(p.code(), stage.get()));
        record(
                file,
                details.code(),
                "project.attach",
                Map.of(
                        "caseNumber",
                        file.caseNumber(),
                        "matterCode",
                        matter.code(),
                        "stage",
                        stage.map(ProjectStage::id).orElse("-"),
                        "section",
                        details.givenSection().map(ConstructionSection::id).orElse("-")));
    }

    private void record(CaseFile file, String projectCode, String action, Map<String, Object> details) {
        audit.record(new AuditEntry(
                file.acceptedAt(), file.submittedBy(), null, file.jurisdiction(), action, projectCode, null, details));
    }
}
