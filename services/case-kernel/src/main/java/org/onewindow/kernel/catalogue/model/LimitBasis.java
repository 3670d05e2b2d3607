package org.onewindow.kernel.catalogue.model;

/** Where a limit comes from (seed-catalogue R10). */
public enum LimitBasis {
    /** 法定时限: set by law. */
    STATUTORY,
    /** 承诺时限: promised by the jurisdiction, shorter than the statutory one. */
    PROMISED,
    /**
     * 内部时限: a working deadline the service centre sets itself (a 督办's answer, a 整改), not promised
     * to the public; always a platform decision, never a seed number.
     */
    INTERNAL
}
