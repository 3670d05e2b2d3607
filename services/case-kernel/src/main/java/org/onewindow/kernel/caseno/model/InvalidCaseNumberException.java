package org.onewindow.kernel.caseno.model;

/** A case number that does not parse or whose check character does not match. */
public final class InvalidCaseNumberException extends IllegalArgumentException {
    public InvalidCaseNumberException(String message) {
        super(message);
    }
}
