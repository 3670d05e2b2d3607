package org.onewindow.enterpriseopening.reform.model;

import org.onewindow.kernel.application.model.Application;
import org.onewindow.kernel.catalogue.model.CatalogueVersion;

/**
 * 智能审批 (EO-2): the business licence is approved without a human review where the
 * jurisdiction's catalogue lists automatic approval and the application qualifies — a
 * standardised registration (规范化登记: name, address and business scope chosen from the
 * standard lists, {@code data.standardisedRegistration = true}). Decision D-EO-SMART in
 * docs/enterprise-opening.md.
 */
public final class SmartApproval {

    public static final String AUTOMATIC_APPROVAL_MATTER = "EO-2";
    public static final String QUALIFYING_FLAG = "standardisedRegistration";

    private SmartApproval() {}

    public static boolean applies(CatalogueVersion version, Application application) {
        return version.matter(AUTOMATIC_APPROVAL_MATTER).isPresent()
                && Boolean.TRUE.equals(application.data().get(QUALIFYING_FLAG));
    }
}
