package org.onewindow.constructionpermit.project.model;

import java.util.List;
import java.util.Optional;

/** Port to the projects of the service and the cases attached to them. Call inside a transaction. */
public interface Projects {

    /** The project with its cases, oldest first. */
    Optional<Project> find(String code);

    /**
     * The project, locked until the transaction ends, so that a project's applications are taken
     * one after the other; empty (and nothing locked) for a project not registered yet.
     */
    Optional<Project> lockAndFind(String code);

    /** The project a case belongs to. */
    Optional<Project> ofCase(String caseNumber);

    /** Stores a new project; false when one with that code exists already (a concurrent first application). */
    boolean register(Project project);

    /** Attaches a case; {@code section} is the 施工段 of a staged permit, null for the whole project. */
    void attach(String code, String caseNumber, String matterCode, ProjectStage stage, ConstructionSection section);

    /** Moves the project on to a later stage; the caller knows it is later (the ids do not sort). */
    void advance(String code, ProjectStage stage);

    /** The projects of a jurisdiction (staff) or of a developer (by credit code or subject), newest first. */
    List<Project> list(String jurisdiction, String developerUscc, String developerSubject, int limit);
}
