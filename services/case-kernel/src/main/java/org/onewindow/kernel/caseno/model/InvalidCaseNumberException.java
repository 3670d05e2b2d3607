package org.onewindow.kernel.caseno.model;

import java.util.List;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;

/** A case number that does not parse or whose check character does not match: 400, naming the field. */
public final class InvalidCaseNumberException extends Rejection {

    public InvalidCaseNumberException(String message) {
        super(
                Kind.INVALID,
                "case-number.invalid",
                new LocalizedText("办件编号有误", message),
                List.of(FieldViolation.of("caseNumber", "case-number.invalid", "办件编号有误，请核对", message)));
    }
}
