package org.onewindow.kernel.application.model;

/** How an application came in. */
public enum Channel {
    /** A clerk at the 综合受理 window, for a walk-in applicant. */
    WINDOW,
    /** The applicant online (一网通办). */
    ONLINE,
    /** A bank branch accepting registrations on the office's behalf (银行网点代理). */
    BANK_BRANCH,
    /** Accepted in another region for this one (异地受理、跨省通办). */
    CROSS_REGION;

    /** Channels on which a member of staff, not the applicant, submits. */
    public boolean staffed() {
        return this != ONLINE;
    }
}
