package org.onewindow.kernel.audit.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One line of the append-only audit trail: who, in which role, when, did what to what, and why. */
public record AuditEntry(
        Instant at,
        String actor,
        String role,
        String jurisdiction,
        String action,
        String subject,
        String reason,
        Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
