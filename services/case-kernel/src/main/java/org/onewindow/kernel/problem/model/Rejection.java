package org.onewindow.kernel.problem.model;

import java.util.List;
import org.onewindow.kernel.text.LocalizedText;

/**
 * A request the platform refuses to act on, with the reason in zh and en and the fields at fault.
 * The web edge turns it into {@code application/problem+json} with the status of its {@link Kind}.
 */
public class Rejection extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status at the edge. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        UNPROCESSABLE,
        TOO_LARGE
    }

    private final Kind kind;
    private final String code;
    private final LocalizedText reason;
    private final transient List<FieldViolation> violations;

    public Rejection(Kind kind, String code, LocalizedText reason, List<FieldViolation> violations) {
        super(reason.en());
        this.kind = kind;
        this.code = code;
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public static Rejection invalid(FieldViolation... violations) {
        return new Rejection(
                Kind.INVALID,
                "request.invalid",
                new LocalizedText("请求数据有误", "the request has invalid fields"),
                List.of(violations));
    }

    public static Rejection notFound(String code, String field, String zh, String en) {
        return new Rejection(
                Kind.NOT_FOUND, code, new LocalizedText(zh, en), List.of(FieldViolation.of(field, code, zh, en)));
    }

    /** 403: the caller's role or jurisdiction does not allow it; the reason says whose it is. */
    public static Rejection forbidden(String zh, String en) {
        return new Rejection(Kind.FORBIDDEN, "access.denied", new LocalizedText(zh, en), List.of());
    }

    /** 409: the case's state does not allow it now. */
    public static Rejection conflict(String code, String zh, String en) {
        return new Rejection(Kind.CONFLICT, code, new LocalizedText(zh, en), List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public LocalizedText reason() {
        return reason;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
