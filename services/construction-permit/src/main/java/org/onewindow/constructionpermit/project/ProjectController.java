package org.onewindow.constructionpermit.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.onewindow.constructionpermit.project.model.Project;
import org.onewindow.constructionpermit.project.model.ProjectCase;
import org.onewindow.constructionpermit.project.model.ProjectStage;
import org.onewindow.constructionpermit.project.model.Projects;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's stages, cases and clocks on one page, for its developer and for staff of its
 * jurisdiction; anyone else is told it does not exist.
 */
@RestController
class ProjectController {

    private final Projects projects;
    private final WholeProcessClock wholeProcess;
    private final AccessPolicy access;
    private final PromisedDates dates;
    private final Clock clock;

    ProjectController(
            Projects projects, WholeProcessClock wholeProcess, AccessPolicy access, PromisedDates dates, Clock clock) {
        this.projects = projects;
        this.wholeProcess = wholeProcess;
        this.access = access;
        this.dates = dates;
        this.clock = clock;
    }

    /** @param section the 施工段 of a staged construction permit; absent for the whole project */
    record CaseLine(
            String caseNumber,
            String matterCode,
            String status,
            OffsetDateTime acceptedAt,
            OffsetDateTime dueAt,
            String section) {}

    record StageView(String stage, String name, boolean reached, List<CaseLine> cases) {}

    record WholeProcessView(OffsetDateTime startedAt, String limit, OffsetDateTime dueAt, String level) {}

    record ProjectView(
            String projectCode,
            String jurisdiction,
            String name,
            String category,
            BigDecimal floorAreaM2,
            BigDecimal investmentCny10k,
            String landParcel,
            String developerUscc,
            String stage,
            OffsetDateTime registeredAt,
            WholeProcessView wholeProcess,
            List<StageView> stages,
            List<CaseLine> otherCases) {}

    @GetMapping("/api/v1/construction-permit/projects/{code}")
    @Transactional(readOnly = true)
    ProjectView read(Caller caller, @PathVariable String code) {
        return view(projects.find(code)
                .filter(p -> visible(caller, p))
                .orElseThrow(() -> Rejection.notFound(
                        "project.unknown",
                        "projectCode",
                        "未找到项目 " + code + "，或您无权查看",
                        "no project " + code + " that you may see")));
    }

    /** Staff: the jurisdiction's projects; a developer: their own; newest first. */
    @GetMapping("/api/v1/construction-permit/projects")
    @Transactional(readOnly = true)
    List<ProjectView> list(Caller caller, @RequestParam(defaultValue = "50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 200));
        if (caller.isStaff() && caller.jurisdiction() != null) {
            return projects.list(caller.jurisdiction(), null, null, bounded).stream()
                    .map(this::view)
                    .toList();
        }
        if (caller.has(Role.APPLICANT)) {
            return projects.list(null, caller.uscc(), caller.subject(), bounded).stream()
                    .map(this::view)
                    .toList();
        }
        throw Rejection.forbidden("只有工作人员和建设单位可以查看项目", "only staff and developers list projects");
    }

    private boolean visible(Caller caller, Project p) {
        return access.canRead(
                caller, new AccessPolicy.CaseScope(p.jurisdiction(), p.developerSubject(), p.developerUscc()));
    }

    private ProjectView view(Project p) {
        Instant now = clock.instant();
        List<StageView> stages = Arrays.stream(ProjectStage.values())
                .map(s -> new StageView(
                        s.id(),
                        s.zh(),
                        !p.stage().before(s),
                        p.cases().stream()
                                .filter(c -> c.stage() == s)
                                .map(this::line)
                                .toList()))
                .toList();
        return new ProjectView(
                p.code(),
                p.jurisdiction(),
                p.name(),
                p.category().id(),
                p.floorAreaM2(),
                p.investmentCny10k(),
                p.landParcel(),
                p.developerUscc(),
                p.stage().id(),
                at(p.registeredAt()),
                wholeProcess
                        .of(p, now)
                        .map(w -> new WholeProcessView(
                                at(w.startedAt()),
                                w.limit().amount().toPlainString() + " "
                                        + w.limit().unit(),
                                at(w.dueAt()),
                                w.level().name()))
                        .orElse(null),
                stages,
                p.cases().stream()
                        .filter(c -> c.stage() == null)
                        .map(this::line)
                        .toList());
    }

    private CaseLine line(ProjectCase c) {
        return new CaseLine(
                c.caseNumber(),
                c.matterCode(),
                c.status(),
                at(c.acceptedAt()),
                at(c.dueAt()),
                c.section() == null ? null : c.section().id());
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(dates.zone()).toOffsetDateTime();
    }
}
