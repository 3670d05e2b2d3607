package org.onewindow.kernel.application.model;

/** Who applies: an enterprise (identified by its 统一社会信用代码) or a natural person. */
public enum ApplicantType {
    ENTERPRISE,
    PERSON
}
