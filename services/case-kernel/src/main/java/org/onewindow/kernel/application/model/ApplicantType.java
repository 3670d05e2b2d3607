package org.onewindow.kernel.application.model;

/**
 * Who applies: an enterprise (identified by its 统一社会信用代码) or a natural person; or, for a case
 * the platform opens on its own (督办, 整改), the government department it concerns.
 */
public enum ApplicantType {
    ENTERPRISE,
    PERSON,
    /** 机关: a department of the jurisdiction, named by its id; never an online or window applicant. */
    AUTHORITY
}
