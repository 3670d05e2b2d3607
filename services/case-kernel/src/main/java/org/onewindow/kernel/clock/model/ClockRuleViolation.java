package org.onewindow.kernel.clock.model;

/** An operation the clock rules forbid (pausing a whole-process clock, resuming a running one…). */
public final class ClockRuleViolation extends RuntimeException {
    private final String code;

    public ClockRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
