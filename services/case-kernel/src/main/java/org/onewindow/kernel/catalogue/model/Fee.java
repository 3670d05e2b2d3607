package org.onewindow.kernel.catalogue.model;

import java.math.BigDecimal;
import java.util.Optional;
import org.onewindow.kernel.text.LocalizedText;

/**
 * A fee of a matter, and whether it is waived (零收费) and who pays instead. The amount is empty when
 * the seeds give a rule instead of a figure (e.g. "settled at actual cost").
 */
public record Fee(
        LocalizedText item,
        Optional<BigDecimal> amount,
        boolean waived,
        Optional<LocalizedText> paidBy,
        String source) {}
