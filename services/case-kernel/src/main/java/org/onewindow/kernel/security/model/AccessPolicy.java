package org.onewindow.kernel.security.model;

import java.util.Objects;

/**
 * Who may see and touch a case: an applicant only their own (by subject, or by the enterprise's
 * credit code); staff only within their jurisdiction; approvers only tasks of their department.
 */
public final class AccessPolicy {

    /** What the policy needs to know of a case. */
    public record CaseScope(String jurisdiction, String applicantSubject, String applicantUscc) {}

    public boolean sameJurisdiction(Caller caller, String jurisdiction) {
        return caller.jurisdiction() != null && caller.jurisdiction().equals(jurisdiction);
    }

    public boolean ownCase(Caller caller, CaseScope scope) {
        return Objects.equals(caller.subject(), scope.applicantSubject())
                || (caller.uscc() != null && caller.uscc().equals(scope.applicantUscc()));
    }

    public boolean canRead(Caller caller, CaseScope scope) {
        if (caller.isStaff()) {
            return sameJurisdiction(caller, scope.jurisdiction());
        }
        return caller.has(Role.APPLICANT) && ownCase(caller, scope);
    }

    public boolean canWorkTask(Caller caller, String jurisdiction, String department) {
        return canWorkTask(caller, Role.APPROVER, jurisdiction, department);
    }

    /** A task needing {@code role} (the window's delivery needs a clerk), of the caller's jurisdiction and department. */
    public boolean canWorkTask(Caller caller, Role role, String jurisdiction, String department) {
        return caller.has(role)
                && sameJurisdiction(caller, jurisdiction)
                && caller.department() != null
                && caller.department().equals(department);
    }
}
