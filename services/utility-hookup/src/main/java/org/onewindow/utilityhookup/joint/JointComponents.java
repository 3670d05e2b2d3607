package org.onewindow.utilityhookup.joint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.MatterSelection;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.onewindow.runtime.extension.MatterVariables;
import org.onewindow.utilityhookup.connection.UtilitySettings;
import org.onewindow.utilityhookup.connection.model.Utility;

/**
 * 联合报装 (UT-J1) at 受理: one form for several utilities. For each utility asked for
 * ({@code data.utilities}, by default every component the catalogue lists) the connection matter
 * its data fit is chosen now, by the catalogue's conditions, so that a form that fits no matter
 * for one of them is refused with the reason before anything is stored; the model opens one
 * component case per matter after the joint site survey ({@code componentMatters}).
 */
@org.springframework.stereotype.Component
class JointComponents implements MatterVariables {

    private final UtilitySettings settings;
    private final CatalogueLookup catalogue;
    private final CaseFiles cases;
    private final PromisedDates dates;
    private final Clock clock;

    JointComponents(
            UtilitySettings settings, CatalogueLookup catalogue, CaseFiles cases, PromisedDates dates, Clock clock) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.cases = cases;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * 一张表单、一套材料: a component case's materials are the joint case's, handed in once. Only for
     * an application naming a joint case of the same applicant that is still in progress.
     */
    @Override
    public List<Application.Material> sharedMaterials(Application application) {
        if (!(application.data().get(ComponentCases.JOINT_CASE) instanceof String jointCase)) {
            return List.of();
        }
        Optional<CaseFile> joint = cases.find(jointCase);
        boolean ours = joint.map(f -> !f.status().closed()
                        && f.jurisdiction().equals(application.jurisdiction())
                        && f.applicant().name().equals(application.applicant().name())
                        && java.util.Objects.equals(
                                f.applicant().uscc(), application.applicant().uscc())
                        && catalogue
                                .matter(catalogue.inForce(f.jurisdiction(), today()), f.matterCode())
                                .processKey()
                                .equals(settings.jointProcess()))
                .orElse(false);
        if (!ours) {
            return List.of();
        }
        Matter matter =
                catalogue.matter(catalogue.inForce(application.jurisdiction(), today()), application.matterCode());
        return matter.materials().stream()
                .map(m -> new Application.Material(m.code(), MaterialForm.SHARED, "联合报装 " + jointCase))
                .toList();
    }

    private LocalDate today() {
        return clock.instant().atZone(dates.zone()).toLocalDate();
    }

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        if (!settings.jointProcess().equals(matter.processKey())) {
            return Map.of();
        }
        LocalDate today = today();
        List<String> matters = new ArrayList<>();
        List<FieldViolation> refused = new ArrayList<>();
        for (String component : wanted(matter, application)) {
            Optional<Utility> utility = Utility.ofComponent(component);
            if (utility.isEmpty() || matter.components().stream().noneMatch(c -> c.id().equals(component))) {
                refused.add(FieldViolation.of(
                        "data.utilities",
                        "utility.not-joint",
                        "联合报装不含该项：" + component,
                        component + " is not a component of " + matter.code()));
                continue;
            }
            List<Matter> candidates = version.list().stream()
                    .filter(m -> m.code().startsWith(utility.get().family()))
                    .filter(m -> settings.connectionProcess().equals(m.processKey()))
                    .filter(m -> m.inForceOn(today))
                    .toList();
            MatterSelection.Answer answer = MatterSelection.select(candidates, application.data());
            Optional<Matter> chosen = answer.recommended()
                    .or(() -> candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty());
            chosen.ifPresentOrElse(
                    m -> matters.add(m.code()),
                    () -> refused.add(FieldViolation.of(
                            "data.utilities",
                            "utility.no-matter",
                            utility.get().zh() + "：" + answer.zh(),
                            "no single " + utility.get() + " matter fits the form's data")));
        }
        if (!refused.isEmpty()) {
            throw Rejection.invalid(refused.toArray(FieldViolation[]::new));
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("componentMatters", matters);
        return vars;
    }

    /** The utilities the form asks for, else every component of the matter. */
    private static List<String> wanted(Matter matter, Application application) {
        Object asked = application.data().get("utilities");
        if (asked instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        return matter.components().stream()
                .map(org.onewindow.kernel.catalogue.model.Component::id)
                .toList();
    }
}
