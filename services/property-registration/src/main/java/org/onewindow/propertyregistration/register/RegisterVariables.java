package org.onewindow.propertyregistration.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.acceptance.model.MaterialForm;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.propertyregistration.register.model.CompletedProject;
import org.onewindow.propertyregistration.register.model.PropertyRegister;
import org.onewindow.propertyregistration.register.model.RegisterRule;
import org.onewindow.propertyregistration.register.model.RegistrationKind;
import org.onewindow.propertyregistration.register.model.UnitNumber;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.extension.CaseOpenedListener;
import org.onewindow.runtime.extension.MatterVariables;
import org.springframework.stereotype.Component;

/**
 * At 受理: the register allows the registration ({@link RegisterRule}, the unit or project locked
 * until the intake commits, so a seizure and a transfer of one unit cannot both pass), the completion
 * acceptance stands in for the completion documents (免提交), and the case remembers its unit or
 * project. A registration finished at the window (即时办结) is entered in the register right away.
 */
@Component
class RegisterVariables implements MatterVariables, CaseOpenedListener {

    private final PropertyRegister register;
    private final PropertySettings settings;
    private final RegisterEntry entry;

    RegisterVariables(PropertyRegister register, PropertySettings settings, RegisterEntry entry) {
        this.register = register;
        this.settings = settings;
        this.entry = entry;
    }

    @Override
    public Map<String, Object> variables(CatalogueVersion version, Matter matter, Application application) {
        Optional<RegistrationKind> kind = settings.kindOf(matter.code());
        if (kind.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("registrationKind", kind.get().name());
        variables.put("completionAwaited", false);
        variables.put("taxAwaited", settings.awaitsTax(matter.code()));
        variables.put("taxPollInterval", settings.taxPollInterval().toString());
        String jurisdiction = application.jurisdiction();
        if (kind.get() == RegistrationKind.FIRST) {
            String projectCode = requireText(application, "projectCode", "请填写项目代码（竣工验收的工程建设项目）");
            Optional<CompletedProject> project = register.lockProject(projectCode);
            boolean mayAwait = settings.appliedWithAcceptance(matter.code());
            RegisterRule.checkFirst(
                            jurisdiction,
                            projectCode,
                            application.applicant().uscc(),
                            project,
                            register.unitsReady(projectCode),
                            mayAwait)
                    .ifPresent(r -> {
                        throw r;
                    });
            variables.put("projectCode", projectCode);
            variables.put("completionAwaited", project.isEmpty());
        } else if (kind.get().concernsRegisteredUnit()) {
            String unitNumber = unitNumber(application).orElseThrow(() -> invalidUnit(null));
            RegisterRule.check(kind.get(), jurisdiction, unitNumber, register.lockUnit(unitNumber))
                    .ifPresent(r -> {
                        throw r;
                    });
            variables.put("unitNumber", unitNumber);
        } else {
            unitNumber(application).ifPresent(u -> variables.put("unitNumber", u));
        }
        return variables;
    }

    /**
     * 免提交: for a first registration of a project whose completion acceptance has arrived (or, for
     * a matter applied for together with it, will arrive), the announcement is the evidence.
     */
    @Override
    public List<Application.Material> sharedMaterials(Application application) {
        Optional<RegistrationKind> kind = settings.kindOf(application.matterCode());
        Object projectCode = application.data().get("projectCode");
        if (kind.orElse(null) != RegistrationKind.FIRST || !(projectCode instanceof String code) || code.isBlank()) {
            return List.of();
        }
        Optional<String> evidence = register.project(code.strip())
                .map(p -> "construction.completion-accepted " + p.acceptanceCase())
                .or(() -> settings.appliedWithAcceptance(application.matterCode())
                        ? Optional.of("待竣工联合验收 " + code.strip())
                        : Optional.empty());
        return evidence.map(reference -> settings.completionEvidence().stream()
                        .map(m -> new Application.Material(m, MaterialForm.SHARED, reference))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void opened(CaseFile file, Matter matter, Application application) {
        settings.kindOf(matter.code()).ifPresent(kind -> {
            Object projectCode = application.data().get("projectCode");
            register.recordCase(
                    file.caseNumber(),
                    kind,
                    unitNumber(application).orElse(null),
                    kind == RegistrationKind.FIRST && projectCode != null
                            ? projectCode.toString().strip()
                            : null);
            if (file.status().decided()) {
                // 即时办结: 登簿 in the intake's transaction, under the lock taken when it was checked
                entry.enter(file.caseNumber()).ifPresent(why -> {
                    throw why;
                });
            }
        });
    }

    /** The application's unit number, checked for shape when given. */
    private static Optional<String> unitNumber(Application application) {
        Object given = application.data().get("unitNumber");
        if (given == null || given.toString().isBlank()) {
            return Optional.empty();
        }
        String number = given.toString().strip();
        if (UnitNumber.defect(number).isPresent()) {
            throw invalidUnit(number);
        }
        return Optional.of(number);
    }

    private static Rejection invalidUnit(String given) {
        String zh = UnitNumber.defect(given).orElseThrow();
        return Rejection.invalid(FieldViolation.of(
                "data.unitNumber",
                given == null ? "unit.missing" : "unit.malformed",
                zh,
                given == null ? "give the unit number (不动产单元号)" : "a unit number has 28 characters (GB/T 37346)"));
    }

    private static String requireText(Application application, String key, String zh) {
        Object given = application.data().get(key);
        if (given == null || given.toString().isBlank()) {
            throw Rejection.invalid(
                    FieldViolation.of("data." + key, key + ".missing", zh, "give the " + key + " of the project"));
        }
        return given.toString().strip();
    }
}
