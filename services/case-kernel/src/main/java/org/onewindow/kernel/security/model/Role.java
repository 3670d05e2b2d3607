package org.onewindow.kernel.security.model;

import java.util.Arrays;
import java.util.Optional;

/** Who a caller is to the platform (Keycloak realm roles). */
public enum Role {
    /** An enterprise or person applying online; sees only their own cases. */
    APPLICANT,
    /** A window clerk (窗口人员) accepting applications for walk-in applicants. */
    CLERK,
    /** A back-office approver completing workflow tasks of their department. */
    APPROVER,
    /** A supervisor watching SLA breaches in their jurisdiction. */
    SUPERVISOR,
    /** Operates the platform. */
    ADMIN;

    public String claimValue() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue().equals(value)).findFirst();
    }
}
