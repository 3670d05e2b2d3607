package org.onewindow.kernel.application.model;

/**
 * The applicant. An enterprise that already exists gives its unified social credit code; one
 * being founded (企业开办) has none yet and gives the founder's identity number.
 */
public record Applicant(ApplicantType type, String name, String uscc, String idNumber) {}
