package org.onewindow.propertyregistration.register.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The register (不动产登记簿) as this service keeps it. */
public interface PropertyRegister {

    /** The unit, locked until the transaction ends: two registrations of one unit run one after another. */
    Optional<PropertyUnit> lockUnit(String unitNumber);

    Optional<PropertyUnit> unit(String unitNumber);

    Optional<CompletedProject> lockProject(String projectCode);

    Optional<CompletedProject> project(String projectCode);

    List<PropertyUnit> unitsOf(String projectCode);

    int unitsReady(String projectCode);

    /**
     * Records a completed project and its units, ready for first registration; false, storing
     * nothing, when the project was recorded already (the same acceptance announced twice).
     */
    boolean recordCompleted(CompletedProject project, List<PropertyUnit> units);

    /** Which unit or project a case concerns, and its kind, kept at 受理. */
    void recordCase(String caseNumber, RegistrationKind kind, String unitNumber, String projectCode);

    Optional<RegistrationCase> registrationCase(String caseNumber);

    /** The cases of a project still waiting for its completion acceptance (交房即办证 applied early). */
    List<String> casesAwaiting(String projectCode);

    /** 登簿: marks the case entered; false when it was entered already (a job run again). */
    boolean markEntered(String caseNumber, Instant at);

    /** First registration: every READY unit of the project to the owner. */
    int registerFirst(String projectCode, Owner owner, LocalDate on, String caseNumber);

    void transfer(String unitNumber, Owner newOwner, LocalDate on, String caseNumber);

    void changeRestrictions(String unitNumber, int seizures, int mortgages, String caseNumber);

    void cancel(String unitNumber, String caseNumber);

    /** A case of the register: what it concerns. */
    record RegistrationCase(String caseNumber, RegistrationKind kind, String unitNumber, String projectCode) {}
}
