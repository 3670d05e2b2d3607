package org.onewindow.kernel.catalogue.model;

/**
 * A local decision where the seeds are silent or ambiguous: its id, the ambiguity it settles
 * (seed-catalogue §8, may be null), the field it concerns and what was decided.
 */
public record Decision(String id, String ambiguity, String field, String decision) {}
