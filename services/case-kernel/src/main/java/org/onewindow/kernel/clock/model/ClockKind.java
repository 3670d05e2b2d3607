package org.onewindow.kernel.clock.model;

/** The clocks a case runs (seed-catalogue R7). */
public enum ClockKind {
    /** 审批时限: pauses for the periods the rules exclude; can be extended. */
    APPROVAL,
    /** 全流程时限: never pauses. */
    WHOLE_PROCESS,
    /** A step-level limit inside a matter (e.g. joint approval ≤ 3 WD). */
    STEP;

    public boolean pausable() {
        return this != WHOLE_PROCESS;
    }
}
