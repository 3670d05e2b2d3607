package org.onewindow.kernel.clock.model;

/** The units in which the catalogue states time limits. */
public enum LimitUnit {
    /** 即时办结: done during the visit; due at close of business of the acceptance day. */
    IMMEDIATE,
    /** 小时: working (office) hours counted from acceptance (seed-catalogue A-2). */
    WORKING_HOURS,
    /** 工作日: working days; fractions count as working time (0.5 WD = half an office day). */
    WORKING_DAYS,
    /** 日/天 read as natural days, the last day moved off rest days (民法典 art. 203). */
    NATURAL_DAYS,
    /** 个月: same day-of-month, rolled back to a shorter month's last day. */
    MONTHS;

    public boolean countsWorkingTime() {
        return this == WORKING_HOURS || this == WORKING_DAYS || this == IMMEDIATE;
    }
}
