package org.onewindow.kernel.catalogue.model;

/** Where a limit comes from (seed-catalogue R10). */
public enum LimitBasis {
    /** 法定时限: set by law. */
    STATUTORY,
    /** 承诺时限: promised by the jurisdiction, shorter than the statutory one. */
    PROMISED
}
