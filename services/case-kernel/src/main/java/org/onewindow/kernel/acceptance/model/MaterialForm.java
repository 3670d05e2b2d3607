package org.onewindow.kernel.acceptance.model;

/** How a material is presented. */
public enum MaterialForm {
    PAPER,
    UPLOAD,
    /** A reference into the e-licence library (电子证照), in place of the document. */
    E_LICENCE,
    /** A 告知承诺 commitment in place of the document. */
    COMMITMENT,
    /**
     * 免提交: the platform already holds the evidence (another service's event, a shared record),
     * so the applicant hands nothing in; the reference says where it is held. Only the service adds
     * it, never the application.
     */
    SHARED
}
