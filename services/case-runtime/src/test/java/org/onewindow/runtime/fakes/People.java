package org.onewindow.runtime.fakes;

import java.util.Set;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;

/** Callers as their tokens describe them. */
public final class People {

    private People() {}

    /** A window clerk (窗口人员) of a jurisdiction, e.g. clerk.fc. */
    public static Caller clerk(String jurisdiction) {
        String name = "clerk." + jurisdiction.toLowerCase();
        return new Caller("sub-" + name, name, Set.of(Role.CLERK), jurisdiction, "window", null);
    }

    /** An approver of a department, e.g. approver.fc.market-registration. */
    public static Caller approver(String jurisdiction, String department) {
        return approver(jurisdiction, department, "approver." + jurisdiction.toLowerCase() + "." + department);
    }

    public static Caller approver(String jurisdiction, String department, String username) {
        return new Caller("sub-" + username, username, Set.of(Role.APPROVER), jurisdiction, department, null);
    }

    public static Caller supervisor(String jurisdiction) {
        String name = "supervisor." + jurisdiction.toLowerCase();
        return new Caller("sub-" + name, name, Set.of(Role.SUPERVISOR), jurisdiction, "supervision", null);
    }

    /** A platform administrator (平台管理员). */
    public static Caller admin() {
        return new Caller("sub-admin", "admin", Set.of(Role.ADMIN), null, null, null);
    }

    /** A person applying online under their own login. */
    public static Caller applicant(String subject) {
        return new Caller(subject, subject, Set.of(Role.APPLICANT), null, null, null);
    }

    /** An enterprise applying online: its login carries its credit code. */
    public static Caller enterprise(String subject, String uscc) {
        return new Caller(subject, subject, Set.of(Role.APPLICANT), null, null, uscc);
    }
}
