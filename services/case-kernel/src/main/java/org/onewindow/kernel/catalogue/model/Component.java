package org.onewindow.kernel.catalogue.model;

import org.onewindow.kernel.text.LocalizedText;

/** A component matter of a bundle (e.g. 印章刻制 in 企业开办), and whether it runs in parallel. */
public record Component(String id, LocalizedText name, boolean parallel) {}
