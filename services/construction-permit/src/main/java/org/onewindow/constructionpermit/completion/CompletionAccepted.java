package org.onewindow.constructionpermit.completion;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.constructionpermit.project.model.Project;
import org.onewindow.constructionpermit.project.model.ProjectDetails;
import org.onewindow.constructionpermit.project.model.Projects;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.springframework.stereotype.Component;

/**
 * 竣工验收通过 (the model's {@code announce-completion}): construction.completion-accepted tells
 * property registration what it needs for 首次登记 at once (交房即办证): the project, its land
 * parcel, its buildings and units, the developer and the acceptance date. Once per case: a job
 * that runs again after a crash finds the result stored and publishes nothing more.
 */
@Component("completionAccepted")
class CompletionAccepted implements JavaDelegate {

    private final CaseFiles cases;
    private final Projects projects;
    private final CaseJournal journal;
    private final ZoneId zone;
    private final Clock clock;

    CompletionAccepted(CaseFiles cases, Projects projects, CaseJournal journal, PromisedDates dates, Clock clock) {
        this.cases = cases;
        this.projects = projects;
        this.journal = journal;
        this.zone = dates.zone();
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        CaseFile file = cases.find(caseNumber).orElseThrow();
        if (file.results().containsKey("completionAcceptedOn")) {
            return;
        }
        Project project = projects.ofCase(caseNumber)
                .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " belongs to no project"));
        List<Map<String, Object>> buildings = cases.application(caseNumber)
                .map(a -> ProjectDetails.read(a.data()).buildings())
                .orElse(List.of());
        String acceptedOn = clock.instant().atZone(zone).toLocalDate().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectCode", project.code());
        data.put("projectName", project.name());
        if (project.landParcel() != null) {
            data.put("landParcel", project.landParcel());
        }
        if (project.developerUscc() != null) {
            data.put("developerUscc", project.developerUscc());
        }
        data.put("buildings", buildings);
        data.put("acceptedOn", acceptedOn);
        data.put("matterCode", file.matterCode());
        cases.addResults(caseNumber, Map.of("completionAcceptedOn", acceptedOn));
        journal.recordBySystem(
                "construction.complete", caseNumber, file.jurisdiction(), "construction.completion-accepted", data);
    }
}
