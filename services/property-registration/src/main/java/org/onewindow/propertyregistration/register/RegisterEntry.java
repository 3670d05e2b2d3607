package org.onewindow.propertyregistration.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.onewindow.kernel.application.model.Applicant;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.kernel.catalogue.model.OwningService;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.events.infrastructure.CaseJournal;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.propertyregistration.register.model.Owner;
import org.onewindow.propertyregistration.register.model.PropertyRegister;
import org.onewindow.propertyregistration.register.model.PropertyRegister.RegistrationCase;
import org.onewindow.propertyregistration.register.model.PropertyUnit;
import org.onewindow.propertyregistration.register.model.RegisterRule;
import org.onewindow.propertyregistration.register.model.RegistrationKind;
import org.onewindow.runtime.casefile.model.CaseFile;
import org.onewindow.runtime.casefile.model.CaseFiles;
import org.springframework.stereotype.Component;

/**
 * 登簿 (the model's {@code enter-register}, and the window's 即时办结): the registration changes the
 * register. The unit is locked and checked again first: a seizure registered after 受理 stops a
 * transfer here (BPMN error {@code registration-blocked}, the reason kept as the denial's). A
 * transfer announces property.transfer-registered for the utilities' 过户. Once per case: a job run
 * again finds the entry made.
 */
@Component("registerEntry")
class RegisterEntry implements JavaDelegate {

    static final String BLOCKED = "registration-blocked";

    private final PropertyRegister register;
    private final CaseFiles cases;
    private final CaseJournal journal;
    private final CatalogueLookup catalogue;
    private final PropertySettings settings;
    private final ZoneId zone;
    private final Clock clock;

    RegisterEntry(
            PropertyRegister register,
            CaseFiles cases,
            CaseJournal journal,
            CatalogueLookup catalogue,
            PropertySettings settings,
            PromisedDates dates,
            Clock clock) {
        this.register = register;
        this.cases = cases;
        this.journal = journal;
        this.catalogue = catalogue;
        this.settings = settings;
        this.zone = dates.zone();
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = (String) execution.getVariable("caseNumber");
        enter(caseNumber).ifPresent(why -> {
            execution.setVariable("reviewComment", why.reason().zh());
            throw new BpmnError(BLOCKED, why.reason().en());
        });
    }

    /** Makes the case's entry; why it cannot be made, if the register no longer allows it. */
    Optional<Rejection> enter(String caseNumber) {
        Optional<RegistrationCase> found = register.registrationCase(caseNumber);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegistrationCase registration = found.get();
        CaseFile file = cases.find(caseNumber).orElseThrow();
        Application application = cases.application(caseNumber).orElseThrow();
        Owner applicant = owner(application.applicant());
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        RegistrationKind kind = registration.kind();
        if (!kind.concernsRegisteredUnit()) {
            if (register.markEntered(caseNumber, clock.instant()) && kind == RegistrationKind.FIRST) {
                int units = register.registerFirst(registration.projectCode(), applicant, today, caseNumber);
                cases.addResults(caseNumber, Map.of("unitsRegistered", units));
                audit(file, kind, Map.of("projectCode", registration.projectCode(), "units", units));
            }
            return Optional.empty();
        }
        String unitNumber = registration.unitNumber();
        Optional<PropertyUnit> locked = register.lockUnit(unitNumber);
        Optional<Rejection> blocked = RegisterRule.check(kind, file.jurisdiction(), unitNumber, locked);
        if (blocked.isPresent() || !register.markEntered(caseNumber, clock.instant())) {
            return blocked;
        }
        PropertyUnit unit = locked.orElseThrow();
        change(kind, unit, applicant, today, caseNumber);
        audit(file, kind, Map.of("unitNumber", unitNumber));
        if (kind.transfersOwnership()) {
            journal.recordBySystem(
                    "property.transfer",
                    caseNumber,
                    file.jurisdiction(),
                    "property.transfer-registered",
                    transferred(file, unit, applicant, today));
        }
        return Optional.empty();
    }

    private void change(RegistrationKind kind, PropertyUnit unit, Owner applicant, LocalDate today, String caseNumber) {
        String number = unit.unitNumber();
        switch (kind) {
            case TRANSFER -> register.transfer(number, applicant, today, caseNumber);
            case TRANSFER_AND_MORTGAGE -> {
                register.transfer(number, applicant, today, caseNumber);
                register.changeRestrictions(number, unit.seizures(), unit.mortgages() + 1, caseNumber);
            }
            case MORTGAGE -> register.changeRestrictions(number, unit.seizures(), unit.mortgages() + 1, caseNumber);
            case MORTGAGE_RELEASE ->
                register.changeRestrictions(number, unit.seizures(), unit.mortgages() - 1, caseNumber);
            case SEIZURE -> register.changeRestrictions(number, unit.seizures() + 1, unit.mortgages(), caseNumber);
            case CANCELLATION -> register.cancel(number, caseNumber);
            default -> {
                // 地址变更、更名、异议: recorded on the case and in the audit; the unit's facts stay
            }
        }
    }

    /**
     * property.transfer-registered: what the utilities need for the 过户 (the unit, its address, the
     * previous and the new holder), and which 过户 this jurisdiction's catalogue coordinates on the
     * registration date.
     */
    private Map<String, Object> transferred(CaseFile file, PropertyUnit unit, Owner newOwner, LocalDate on) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitNumber", unit.unitNumber());
        data.put("address", unit.address());
        data.put("previousOwner", party(unit.owner()));
        data.put("newOwner", party(newOwner));
        data.put("registeredOn", on.toString());
        data.put("matterCode", file.matterCode());
        data.put("utilities", utilityTransfers(file.jurisdiction(), on));
        return data;
    }

    private List<Map<String, Object>> utilityTransfers(String jurisdiction, LocalDate on) {
        return catalogue.inForce(jurisdiction, on).list().stream()
                .filter(m -> m.service() == OwningService.UTILITY_HOOKUP)
                .filter(m -> settings.utilityTransferProcess().equals(m.processKey()))
                .filter(m -> m.inForceOn(on))
                .filter(Matter::coordinated)
                .map(RegisterEntry::utility)
                .toList();
    }

    private static Map<String, Object> utility(Matter matter) {
        return Map.of(
                "matterCode", matter.code(),
                "name", matter.name().zh(),
                "coordinatedFrom", matter.effectiveFrom().toString());
    }

    private static Map<String, Object> party(Owner owner) {
        Map<String, Object> party = new LinkedHashMap<>();
        if (owner == null) {
            return party;
        }
        party.put("type", owner.type());
        party.put("name", owner.name());
        if (owner.uscc() != null) {
            party.put("uscc", owner.uscc());
        }
        if (owner.idNumber() != null) {
            party.put("idNumber", owner.idNumber());
        }
        return party;
    }

    private void audit(CaseFile file, RegistrationKind kind, Map<String, Object> details) {
        Map<String, Object> entry = new LinkedHashMap<>(details);
        entry.put("kind", kind.name());
        journal.recordBySystem("register.entry", file.caseNumber(), file.jurisdiction(), null, entry);
    }

    private static Owner owner(Applicant applicant) {
        return new Owner(applicant.type().name(), applicant.name(), applicant.uscc(), applicant.idNumber());
    }
}
