package org.onewindow.kernel.clock.model;

/** How the State Council notice changes a date: 放假 (off) or 调休上班 (make-up working day). */
public enum DayKind {
    /** A statutory holiday or bridge day, no work even on a weekday. */
    OFF,
    /** A make-up working day (调休), work even on a Saturday or Sunday. */
    WORK
}
