package org.onewindow.kernel.security.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.onewindow.kernel.problem.infrastructure.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, in the same problem+json shape as every other error. */
public final class ProblemAuthenticationHandlers {
    private final ObjectMapper json;

    public ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    public AuthenticationEntryPoint entryPoint() {
        return (request, response, e) ->
                write(response, HttpStatus.UNAUTHORIZED, "auth.required", "请先登录", "a valid bearer token is required");
    }

    public AccessDeniedHandler accessDenied() {
        return (request, response, e) ->
                write(response, HttpStatus.FORBIDDEN, "access.denied", "无权办理该事项", "your role does not allow this");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String zh, String en)
            throws IOException {
        var body = ProblemHandler.problem(status, code, zh, en, List.of()).getBody();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
