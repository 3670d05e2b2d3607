package org.onewindow.kernel.catalogue.model;

/** E-licence kinds in the provincial e-licence library (电子证照库) that can replace a material. */
public enum ELicenceType {
    ID_CARD,
    BUSINESS_LICENCE,
    PROPERTY_CERTIFICATE,
    MARRIAGE_CERTIFICATE,
    DRIVING_LICENCE,
    CONSTRUCTION_PERMIT,
    PLANNING_PERMIT
}
