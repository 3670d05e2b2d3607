package org.onewindow.runtime.casefile.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.application.model.Receipt;

/** Port to where a service keeps its cases. Call inside the transaction of the change. */
public interface CaseFiles {

    /** Stores a new case with the application as submitted and what it owes under 容缺受理. */
    void insert(CaseFile file, List<Receipt.MissingMaterial> owed, Application application);

    Optional<CaseFile> find(String caseNumber);

    /** The cases a query names, newest first (the supervisor's board, the applicant's 我的办件). */
    List<CaseQuery.Listed> list(CaseQuery query);

    /** The application as it was submitted: its materials (form, reference) and routing inputs. */
    Optional<Application> application(String caseNumber);

    /**
     * Stores a move the model made ({@code from} as read, {@code to} as returned by its method);
     * false when the case had moved meanwhile.
     */
    boolean transition(CaseFile from, CaseFile to);

    void stepStarted(String caseNumber, String step, Instant at);

    /** True the first time only: a redelivered job must not complete a step twice. */
    boolean stepCompleted(String caseNumber, String step, String reference, Instant at);

    /** The codes of the materials still owed under 容缺受理. */
    List<String> owed(String caseNumber);

    /** Crosses supplied materials off the owed list. */
    void supplied(String caseNumber, List<String> codes);

    /** Adds to the case's results (an issued credit code, a certificate number …). */
    void addResults(String caseNumber, Map<String, Object> results);

    /** 一事一评: only a delivered, not yet rated case takes a rating. */
    boolean rated(String caseNumber, int score, String comment, Instant at);

    /** Links two cases both ways. */
    void link(String caseNumber, CaseLink link);

    /**
     * Many cases at once by case number, as lists show them: without their steps and links (empty),
     * which only a single case's page needs.
     */
    Map<String, CaseFile> summaries(Collection<String> caseNumbers);

    /**
     * The receipt's promise computed again: a holiday notice published after the acceptance made
     * the dates certain (or moved them).
     */
    void repromised(String caseNumber, Instant dueAt, Instant wholeProcessDueAt, boolean calendarKnown);
}
