package org.onewindow.runtime.casefile.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The notices kept with this service's cases. */
public interface CaseNotices {

    /** Keeps a notice; false when this notice (by event id) is already kept. */
    boolean add(CaseNotice notice);

    /** A case's notices, oldest first. */
    List<CaseNotice> of(String caseNumber);

    /** Which of these cases have had a notice. */
    Set<String> noticed(Collection<String> caseNumbers);
}
