package org.onewindow.kernel.audit.model;

import java.util.List;

/** Port: the append-only audit trail; nothing in it can be changed or removed. */
public interface AuditTrail {
    void record(AuditEntry entry);

    List<AuditEntry> of(String subject);
}
