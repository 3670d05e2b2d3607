package org.onewindow.constructionpermit.project;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onewindow.constructionpermit.project.model.PermitRule;
import org.onewindow.constructionpermit.project.model.Project;
import org.onewindow.constructionpermit.project.model.ProjectDetails;
import org.onewindow.constructionpermit.project.model.ProjectStage;
import org.onewindow.constructionpermit.project.model.Projects;
import org.onewindow.constructionpermit.project.model.StageRule;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.ConditionInput;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterLimit;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.runtime.extension.MatterVariables;
import org.springframework.stereotype.Component;

/**
 * Before a construction case is opened: the application names a valid project, the project may
 * enter the matter's stage ({@link StageRule}) and does not hold the permit already ({@link
 * PermitRule}, per 施工段 where permits are staged), and the model gets what it routes by: the parallel
 * reviewers, the acceptance checks and mode, and when a 告知承诺 must be kept.
 */
@Component
class ProjectVariables implements MatterVariables {

    private final Projects projects;
    private final ConstructionSettings settings;
    private final PromisedDates dates;
    private final Clock clock;

    ProjectVariables(Projects projects, ConstructionSettings settings, PromisedDates dates, Clock clock) {
        this.projects = projects;
        this.settings = settings;
        this.dates = dates;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        ProjectDetails details = ProjectDetails.read(application.data());
        details.requireSectionAllowed(matter.inputs().contains(ConditionInput.CONSTRUCTION_SECTION));
        // one intake at a time per project: two clerks cannot both take the last free permit
        Optional<Project> project = projects.lockAndFind(details.code());
        if (project.isEmpty()) {
            details.requireRegistration();
        } else {
            requireSameProject(project.get(), details, application);
        }
        StageRule.check(project, ProjectStage.of(matter.stage())).ifPresent(r -> {
            throw r;
        });
        PermitRule.check(project, matter.code(), details.givenSection()).ifPresent(r -> {
            throw r;
        });
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("projectCode", details.code());
        variables.put("projectCategory", project.map(p -> p.category().id()).orElseGet(() -> details.category()
                .id()));
        variables.put("participants", settings.participantsOf(matter.code()));
        variables.put("acceptanceChecks", settings.acceptanceChecksOf(matter.code()));
        variables.put("acceptanceMode", details.acceptanceMode());
        variables.put("verificationDueAt", Date.from(verificationDue(version, matter)));
        return variables;
    }

    /**
     * A registered project's facts, so a later permit need not repeat them: its name, category,
     * floor area, investment and land parcel (the thresholds of ST's CP-7 read the last two).
     */
    @Override
    public Map<String, Object> knownData(Application application) {
        Object code = application.data().get("projectCode");
        if (code == null) {
            return Map.of();
        }
        return projects.find(code.toString().strip())
                .map(ProjectVariables::facts)
                .orElse(Map.of());
    }

    private static Map<String, Object> facts(Project project) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("projectName", project.name());
        facts.put("projectCategory", project.category().id());
        if (project.floorAreaM2() != null) {
            facts.put("floorAreaM2", project.floorAreaM2());
        }
        if (project.investmentCny10k() != null) {
            facts.put("investmentCny10k", project.investmentCny10k());
        }
        if (project.landParcel() != null) {
            facts.put("landParcel", project.landParcel());
        }
        return facts;
    }

    private static void requireSameProject(Project project, ProjectDetails details, Application application) {
        if (!project.jurisdiction().equals(application.jurisdiction())) {
            throw Rejection.conflict(
                    "project.other-jurisdiction",
                    "项目 " + project.code() + " 在 " + project.jurisdiction() + " 登记，其审批事项须向该辖区申请",
                    "project " + project.code() + " is registered in " + project.jurisdiction());
        }
        details.givenCategory().filter(c -> c != project.category()).ifPresent(c -> {
            throw Rejection.conflict(
                    "project.category-changed",
                    "项目类型与登记的不一致（登记为 " + project.category().id() + "）",
                    "the project is registered as " + project.category().id());
        });
    }

    /** 告知承诺: the matter's own step limit for keeping it (城建档案 3 months), else the setting. */
    private Instant verificationDue(CatalogueVersion version, Matter matter) {
        Instant now = clock.instant();
        return matter.stepLimits().stream()
                .map(MatterLimit::limit)
                .flatMap(Optional::stream)
                .findFirst()
                .map(limit -> dates.due(version, limit, now).at())
                .orElseGet(() -> now.atZone(dates.zone())
                        .plus(settings.verificationWithin())
                        .toInstant());
    }
}
