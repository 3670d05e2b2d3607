package org.onewindow.runtime.extension;

import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.runtime.casefile.model.CaseFile;

/**
 * Extension point: hears each case the intake opens, inside the intake's transaction, after the
 * case is stored and before its process starts. A service keeps what the case belongs to (a
 * construction project and its stage); a failure here rolls the whole intake back.
 */
public interface CaseOpenedListener {
    void opened(CaseFile file, Matter matter, Application application);
}
