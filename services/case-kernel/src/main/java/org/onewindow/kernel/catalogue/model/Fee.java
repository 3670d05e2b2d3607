package org.onewindow.kernel.catalogue.model;

import java.math.BigDecimal;
import java.util.Optional;

/** A fee of a matter, and whether it is waived (零收费) and who pays instead. */
public record Fee(
        LocalizedText item, BigDecimal amount, boolean waived, Optional<LocalizedText> paidBy, String source) {}
