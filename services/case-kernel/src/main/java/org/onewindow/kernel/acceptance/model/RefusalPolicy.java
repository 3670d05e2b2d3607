package org.onewindow.kernel.acceptance.model;

import java.util.Optional;

/** A rule that may refuse an application outright (不予受理). */
public interface RefusalPolicy {
    Optional<AcceptanceDecision.Refused> check(AcceptanceRequest request);
}
