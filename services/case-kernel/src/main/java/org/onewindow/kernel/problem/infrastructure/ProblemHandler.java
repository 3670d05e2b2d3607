package org.onewindow.kernel.problem.infrastructure;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.problem.model.FieldViolation;
import org.onewindow.kernel.problem.model.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The platform's one error edge: every refusal becomes {@code application/problem+json} with a
 * stable {@code code}, the reason in zh and en, and the fields at fault — never a stack trace, never
 * a 5xx for bad input.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://onewindow.example/problems/";

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejection(Rejection e) {
        HttpStatus status =
                switch (e.kind()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
                    case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                };
        return problem(status, e.code(), e.reason().zh(), e.reason().en(), e.violations());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "access.denied", "无权办理该事项", "you may not do this", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String field = e.getName();
        String en = "'" + e.getValue() + "' is not a valid " + field
                + (e.getRequiredType() == null ? "" : " (" + e.getRequiredType().getSimpleName() + ")");
        return problem(
                HttpStatus.BAD_REQUEST,
                "request.invalid",
                "请求参数有误",
                en,
                List.of(FieldViolation.of(field, "format", "参数“" + field + "”格式有误", en)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> FieldViolation.of(
                        leaf(v.getPropertyPath().toString()),
                        "constraint",
                        "数据不符合要求: " + v.getMessage(),
                        v.getMessage()))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST, "request.invalid", "请求数据有误", "the request has invalid fields", violations);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "系统内部错误，请稍后再试",
                "internal error; try again later",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> FieldViolation.of(
                        f.getField(),
                        "constraint",
                        "“" + f.getField() + "”" + f.getDefaultMessage(),
                        f.getField() + " " + f.getDefaultMessage()))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST, "request.invalid", "请求数据有误", "the request has invalid fields", violations);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> FieldViolation.of(
                                r.getMethodParameter().getParameterName(),
                                "constraint",
                                "参数“" + r.getMethodParameter().getParameterName() + "”" + err.getDefaultMessage(),
                                r.getMethodParameter().getParameterName() + " " + err.getDefaultMessage())))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST, "request.invalid", "请求参数有误", "the request has invalid parameters", violations);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String en = "the body is not valid JSON";
        String zh = "请求内容不是有效的 JSON";
        if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."))
                    .replace(".[", "[");
            en = "field " + field + " has the wrong type";
            zh = "字段 " + field + " 的类型有误";
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "request.malformed",
                zh,
                en,
                List.of(FieldViolation.of(field, "request.malformed", zh, en)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // framework errors (404, 405, 415, missing parameter…) keep their status, gain our shape
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : e.getMessage();
        ResponseEntity<Object> problem =
                problem(HttpStatus.valueOf(status.value()), "http." + status.value(), zhFor(status), detail, List.of());
        return ResponseEntity.status(status).headers(headers).body(problem.getBody());
    }

    /** Builds the problem document; public so the security edge and the gateway answer alike. */
    public static ResponseEntity<Object> problem(
            HttpStatus status, String code, String zh, String en, List<FieldViolation> violations) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, en);
        body.setType(URI.create(TYPE_BASE + code));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        body.setProperty("detailZh", zh);
        body.setProperty(
                "errors",
                violations.stream()
                        .map(v -> Map.of(
                                "field",
                                v.field(),
                                "code",
                                v.code(),
                                "zh",
                                v.reason().zh(),
                                "en",
                                v.reason().en()))
                        .toList());
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String zhFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "找不到请求的资源";
            case 405 -> "不支持该请求方法";
            case 406, 415 -> "不支持的数据格式";
            case 413 -> "请求内容过大";
            default -> "请求有误";
        };
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
