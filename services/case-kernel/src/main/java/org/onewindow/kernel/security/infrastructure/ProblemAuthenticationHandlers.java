package org.onewindow.kernel.security.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.onewindow.kernel.problem.infrastructure.ProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 from the security filters, and the 400 of the firewall in front of them, in the same
 * problem+json shape as every other error: a client reads one error format, whichever layer refused.
 */
public final class ProblemAuthenticationHandlers {
    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationHandlers.class);
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

    /**
     * A request Spring Security's firewall refuses before any filter or controller sees it (an
     * encoded period or slash, a ';', a double slash, a header it does not allow). The reason stays
     * in the debug log: it may quote the request back.
     */
    public RequestRejectedHandler requestRejected() {
        return (request, response, e) -> {
            log.debug("request rejected: {}", e.getMessage());
            write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "request.rejected",
                    "请求地址含有不允许的字符",
                    "the request address contains characters that are not allowed");
        };
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
