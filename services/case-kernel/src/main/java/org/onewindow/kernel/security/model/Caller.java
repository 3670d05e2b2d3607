package org.onewindow.kernel.security.model;

import java.util.Set;

/**
 * The authenticated caller, from the token: subject, roles, and the claims that scope them —
 * jurisdiction and department for staff, the unified social credit code (统一社会信用代码) for an
 * enterprise applicant.
 */
public record Caller(
        String subject, String username, Set<Role> roles, String jurisdiction, String department, String uscc) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return has(Role.CLERK) || has(Role.APPROVER) || has(Role.SUPERVISOR) || has(Role.ADMIN);
    }

    /** The role recorded in the audit trail: the most powerful one held. */
    public Role principalRole() {
        for (Role r : new Role[] {Role.ADMIN, Role.SUPERVISOR, Role.APPROVER, Role.CLERK, Role.APPLICANT}) {
            if (has(r)) {
                return r;
            }
        }
        return Role.APPLICANT;
    }
}
