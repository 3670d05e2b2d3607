package org.onewindow.kernel.problem.model;

import org.onewindow.kernel.text.LocalizedText;

/** One thing wrong with one field of a request, in words a clerk can act on. */
public record FieldViolation(String field, String code, LocalizedText reason) {
    public static FieldViolation of(String field, String code, String zh, String en) {
        return new FieldViolation(field, code, new LocalizedText(zh, en));
    }
}
