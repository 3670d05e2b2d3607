package org.onewindow.kernel.catalogue.model;

import java.util.Optional;
import org.onewindow.kernel.text.LocalizedText;

/**
 * A material of a matter. A {@code core} one (核心要件) must be present for acceptance; a non-core
 * one may be supplied later (容缺受理). {@code commitmentAllowed}: a 告知承诺 commitment may stand in
 * for it; {@code eLicence}: a look-up in the e-licence library replaces it (免提交).
 */
public record Material(
        String code, LocalizedText name, boolean core, boolean commitmentAllowed, Optional<ELicenceType> eLicence) {}
