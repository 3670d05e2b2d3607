package org.onewindow.kernel.acceptance.model;

import java.util.List;

/** A rule that finds what is missing or unusable; it never decides the outcome alone. */
public interface DeficiencyPolicy {
    List<Deficiency> find(AcceptanceRequest request);
}
