package org.onewindow.supervision.board;

import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.security.model.Caller;
import org.onewindow.kernel.security.model.Role;

/** Who reads the board and its reports: a jurisdiction's supervisors, their own jurisdiction only. */
public final class Supervisors {

    private Supervisors() {}

    /** The jurisdiction the caller supervises; 403 for anyone who is not a supervisor of one. */
    public static String jurisdictionOf(Caller caller) {
        if (!caller.has(Role.SUPERVISOR) || caller.jurisdiction() == null) {
            throw Rejection.forbidden("督查看板仅供本辖区督查人员使用", "the board is for a jurisdiction's supervisors");
        }
        return caller.jurisdiction();
    }
}
