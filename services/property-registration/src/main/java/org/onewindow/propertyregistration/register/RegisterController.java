package org.onewindow.propertyregistration.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.onewindow.kernel.catalogue.model.PromisedDates;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.AccessPolicy;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.propertyregistration.register.model.CompletedProject;
import org.onewindow.propertyregistration.register.model.PropertyRegister;
import org.onewindow.propertyregistration.register.model.PropertyUnit;
import org.onewindow.propertyregistration.register.model.UnitNumber;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register as staff of a jurisdiction read it: a unit's holder and restrictions (查封, 抵押), and a
 * completed project's units (交房即办证: whether they are ready or registered). The developer sees
 * its own project's units. Anyone else is told it does not exist.
 */
@RestController
class RegisterController {

    private final PropertyRegister register;
    private final AccessPolicy access;
    private final ZoneId zone;

    RegisterController(PropertyRegister register, AccessPolicy access, PromisedDates dates) {
        this.register = register;
        this.access = access;
        this.zone = dates.zone();
    }

    record UnitView(
            String unitNumber,
            String jurisdiction,
            String projectCode,
            String building,
            String address,
            String status,
            String ownerName,
            LocalDate registeredOn,
            int seizures,
            int mortgages) {}

    record ProjectView(
            String projectCode,
            String jurisdiction,
            String projectName,
            String developerUscc,
            LocalDate acceptedOn,
            String acceptanceCase,
            OffsetDateTime announcedAt,
            OffsetDateTime unitsReadyAt,
            long unitsReady,
            long unitsRegistered,
            List<UnitView> units) {}

    @GetMapping("/api/v1/property-registration/units/{unitNumber}")
    @Transactional(readOnly = true)
    UnitView unit(Caller caller, @PathVariable String unitNumber) {
        UnitNumber.defect(unitNumber).ifPresent(why -> {
            throw Rejection.notFound("unit.unknown", "unitNumber", why, "not a unit number: " + unitNumber);
        });
        return register.unit(unitNumber)
                .filter(u -> caller.isStaff() && access.sameJurisdiction(caller, u.jurisdiction()))
                .map(RegisterController::view)
                .orElseThrow(() -> Rejection.notFound(
                        "unit.unknown",
                        "unitNumber",
                        "登记簿上没有不动产单元 " + unitNumber + "，或您无权查看",
                        "no unit " + unitNumber + " that you may see"));
    }

    @GetMapping("/api/v1/property-registration/projects/{code}")
    @Transactional(readOnly = true)
    ProjectView project(Caller caller, @PathVariable String code) {
        return register.project(code)
                .filter(p ->
                        access.canRead(caller, new AccessPolicy.CaseScope(p.jurisdiction(), null, p.developerUscc())))
                .map(this::view)
                .orElseThrow(() -> Rejection.notFound(
                        "project.unknown",
                        "projectCode",
                        "尚未收到项目 " + code + " 的竣工联合验收结果，或您无权查看",
                        "no completion acceptance of project " + code + " that you may see"));
    }

    private ProjectView view(CompletedProject p) {
        List<UnitView> units = register.unitsOf(p.projectCode()).stream()
                .map(RegisterController::view)
                .toList();
        return new ProjectView(
                p.projectCode(),
                p.jurisdiction(),
                p.projectName(),
                p.developerUscc(),
                p.acceptedOn(),
                p.acceptanceCase(),
                p.announcedAt().atZone(zone).toOffsetDateTime(),
                p.unitsReadyAt().atZone(zone).toOffsetDateTime(),
                units.stream().filter(u -> u.status().equals("READY")).count(),
                units.stream().filter(u -> u.status().equals("REGISTERED")).count(),
                units);
    }

    private static UnitView view(PropertyUnit u) {
        return new UnitView(
                u.unitNumber(),
                u.jurisdiction(),
                u.projectCode(),
                u.building(),
                u.address(),
                u.status().name(),
                u.owner() == null ? null : u.owner().name(),
                u.registeredOn(),
                u.seizures(),
                u.mortgages());
    }
}
