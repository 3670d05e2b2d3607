package org.onewindow.kernel.acceptance.model;

import java.util.Objects;

/** A material the applicant presents: its catalogue code, its form and a reference (file, e-licence number). */
public record PresentedMaterial(String code, MaterialForm form, String reference) {
    public PresentedMaterial {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(form, "form");
    }

    boolean hasReference() {
        return reference != null && !reference.isBlank();
    }
}
