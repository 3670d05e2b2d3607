package org.onewindow.runtime.extension;

import java.util.Map;
import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.Matter;

/**
 * Extension point for 即时办结: a matter whose approval limit is IMMEDIATE is decided in the intake
 * itself when the service provides this; what it returns (a certificate number, 登簿 done …) is the
 * case's result and is printed on the receipt. No process, no task, no open clock.
 */
public interface ImmediateCompletion {

    /** Whether this service decides the matter at the window. */
    boolean decidesAtWindow(Matter matter);

    /** The result of deciding the case now, inside the intake's transaction; throw to refuse. */
    Map<String, Object> decide(String caseNumber, Matter matter, Application application);
}
