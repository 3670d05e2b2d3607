package org.onewindow.runtime.fakes;

import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.audit.model.AuditEntry;
import org.onewindow.kernel.audit.model.AuditTrail;

/** The append-only audit trail in a list. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> of(String subject) {
        return entries.stream().filter(e -> subject.equals(e.subject())).toList();
    }

    public List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    /** The actions recorded for a case, in order. */
    public List<String> actionsOf(String subject) {
        return of(subject).stream().map(AuditEntry::action).toList();
    }

    /** The one entry of an action for a case; fails when there is none or more than one. */
    public AuditEntry single(String action, String subject) {
        List<AuditEntry> found =
                of(subject).stream().filter(e -> e.action().equals(action)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + action + " of " + subject + ", found " + found.size());
        }
        return found.get(0);
    }
}
