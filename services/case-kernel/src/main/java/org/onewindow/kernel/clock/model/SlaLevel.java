package org.onewindow.kernel.clock.model;

/** Where a clock stands against its limit. */
public enum SlaLevel {
    /** Running, below the warning threshold. */
    GREEN,
    /** 黄牌预警: the catalogue's warning share of the budget is used. */
    YELLOW,
    /** 红牌: past the due instant. */
    RED,
    /** Suspended (暂停计时); the due instant moves when it resumes. */
    PAUSED,
    /** Stopped: the step or case is done. */
    STOPPED
}
