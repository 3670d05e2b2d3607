package org.onewindow.propertyregistration.register.model;

/**
 * The holder of a unit as the register records it: a person (identity number) or an organisation
 * (统一社会信用代码).
 */
public record Owner(String type, String name, String uscc, String idNumber) {}
