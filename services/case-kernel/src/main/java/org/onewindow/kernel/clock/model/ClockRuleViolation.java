package org.onewindow.kernel.clock.model;

import java.util.List;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;

/**
 * An operation the clock rules forbid (pausing a whole-process clock, resuming a running one…): a
 * conflict with the case's state, answered 409 with the rule's code.
 */
public final class ClockRuleViolation extends Rejection {

    public ClockRuleViolation(String code, String message) {
        super(Kind.CONFLICT, code, new LocalizedText("时限规则不允许该操作：" + message, message), List.of());
    }

    /** A violation a clerk reads: its reason in Chinese as well. */
    public ClockRuleViolation(String code, String zh, String en) {
        super(Kind.CONFLICT, code, new LocalizedText(zh, en), List.of());
    }
}
