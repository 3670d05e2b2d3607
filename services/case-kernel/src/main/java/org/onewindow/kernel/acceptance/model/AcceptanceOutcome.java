package org.onewindow.kernel.acceptance.model;

/** The four answers of the single window. */
public enum AcceptanceOutcome {
    /** 受理 */
    ACCEPTED,
    /** 容缺受理: accepted with non-core materials to supply later. */
    ACCEPTED_WITH_DEFICIENCY,
    /** 补正: returned with one complete list of what is missing (一次性告知). */
    RETURNED_FOR_CORRECTION,
    /** 不予受理, with a reason. */
    REFUSED;

    /** Whether the outcome opens a case (and starts its clocks): 受理 or 容缺受理. */
    public boolean opensACase() {
        return this == ACCEPTED || this == ACCEPTED_WITH_DEFICIENCY;
    }
}
