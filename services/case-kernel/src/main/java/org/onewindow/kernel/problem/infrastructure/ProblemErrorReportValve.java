package org.onewindow.kernel.problem.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Errors Tomcat answers itself, before any filter of the application runs (an encoded slash or a
 * NUL in the path, a malformed %-escape): problem+json like every other error, instead of Tomcat's
 * HTML page. Errors the application answered already (with a body) pass through untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    public ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
        // what is left to Tomcat's own page (a status it cannot name) says nothing about the server
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null) {
            super.report(request, response, throwable);
            return;
        }
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String body = json.writeValueAsString(problem(httpStatus));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is beyond repair: nothing left to tell it
        }
    }

    private static Object problem(HttpStatus httpStatus) {
        if (httpStatus == HttpStatus.BAD_REQUEST) {
            return ProblemHandler.problem(
                            httpStatus,
                            "request.rejected",
                            "请求地址含有不允许的字符",
                            "the request address contains characters that are not allowed",
                            List.of())
                    .getBody();
        }
        return ProblemHandler.problem(
                        httpStatus,
                        "http." + httpStatus.value(),
                        httpStatus.is5xxServerError() ? "系统内部错误，请稍后再试" : "请求有误",
                        httpStatus.getReasonPhrase(),
                        List.of())
                .getBody();
    }
}
